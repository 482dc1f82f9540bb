package io.encaptio.domain.ai;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Sentences of a passage: each line (list items and table rows stand alone) split at sentence ends
 * by ICU's sentence break iterator for the content's language (Unicode's sentence rules), never
 * after an abbreviation ("Kiln &amp; Co. Studio", "Dr. Lena Ortiz", "z. B."): the ones below, which
 * company names, titles, addresses and units use in every language, the language's own, and
 * initials. List markers are dropped.
 */
public final class Sentences {

  /** Abbreviations after which a full stop never ends a sentence, whatever the language. */
  private static final List<String> EVERYWHERE =
      List.of(
          "Co.", "Corp.", "Inc.", "Ltd.", "Bros.", "Dr.", "Prof.", "St.", "Mt.", "Ave.", "Rd.",
          "No.", "Nos.", "Nr.", "approx.", "ca.", "e.g.", "i.e.", "vs.", "Fig.", "Tel.", "Ph.D.",
          "Jr.", "Sr.", "Mr.", "Mrs.", "Ms.", "Mx.", "Gen.", "Capt.", "Hon.", "Rev.", "Dept.");

  /** The language's own. */
  private static final Map<String, List<String>> BY_LANGUAGE =
      Map.of(
          "de",
          List.of(
              "bzw.", "inkl.", "zzgl.", "evtl.", "ggf.", "Str.", "Hr.", "Fr.", "Hbf.", "Jh.", "Mo.",
              "Di.", "Mi.", "Do.", "Sa.", "So.", "Tel.", "vgl.", "max.", "geb."),
          "fr",
          List.of("env.", "Mme.", "Mlle.", "av.", "bd.", "boul.", "p.", "ex.", "cf.", "tél."),
          "es",
          List.of("Sra.", "Srta.", "Avda.", "aprox.", "pág.", "tel.", "Dña."));

  /** One letter, or letters joined by full stops, ending in one: "J.", "e.g.", "U.S.". */
  private static final Pattern INITIALS = Pattern.compile("\\p{L}(?:\\.\\p{L})*\\.");

  private static final Map<String, BreakIterator> PROTOTYPES = new ConcurrentHashMap<>();
  private static final Map<String, Set<String>> ABBREVIATIONS = new ConcurrentHashMap<>();

  private static Set<String> abbreviations(String language) {
    Set<String> all = new HashSet<>(EVERYWHERE);
    all.addAll(BY_LANGUAGE.getOrDefault(language, List.of()));
    return Set.copyOf(all);
  }

  private Sentences() {}

  /** English sentences. */
  public static List<String> of(String text) {
    return of(text, "en");
  }

  /**
   * @param language the content's ISO 639-1 code ("en", "de" …); an unknown one splits as ICU's
   *     root rules do, with the abbreviations every language shares
   */
  public static List<String> of(String text, String language) {
    List<String> sentences = new ArrayList<>();
    if (text == null) {
      return sentences;
    }
    String code =
        language == null || language.isBlank() ? "en" : language.strip().toLowerCase(Locale.ROOT);
    BreakIterator boundaries = iterator(code);
    Set<String> abbreviations = ABBREVIATIONS.computeIfAbsent(code, Sentences::abbreviations);
    for (String line : text.split("\\R")) {
      String clean = line.replaceFirst("^\\s*(?:[-*•]|\\d+[.)])\\s+", "").strip();
      if (clean.isEmpty()) {
        continue;
      }
      boundaries.setText(clean);
      int start = boundaries.first();
      for (int end = boundaries.next(); end != BreakIterator.DONE; end = boundaries.next()) {
        if (end < clean.length() && abbreviated(clean.substring(start, end), abbreviations)) {
          continue; // the sentence goes on after "Co.", "Dr.", "z. B."
        }
        String sentence = clean.substring(start, end).strip();
        if (!sentence.isEmpty()) {
          sentences.add(sentence);
        }
        start = end;
      }
    }
    return sentences;
  }

  /** A break iterator of its own for the caller (instances hold their text: never shared). */
  private static BreakIterator iterator(String language) {
    return (BreakIterator)
        PROTOTYPES
            .computeIfAbsent(language, l -> BreakIterator.getSentenceInstance(new ULocale(l)))
            .clone();
  }

  /**
   * Whether the text ends in an abbreviation: its last word (as written, after an opening bracket
   * or quote) is one of the language's, a single letter ("J." of "J. R. Smith", "z." of "z. B."),
   * or letters joined by full stops ("e.g.", "U.S."). ICU's own suppression filter is not used: it
   * matches the end of any word ("Africa." would end like "ca.").
   */
  static boolean abbreviated(String text, Set<String> abbreviations) {
    String stripped = text.stripTrailing();
    int space = stripped.length() - 1;
    while (space >= 0 && !Character.isWhitespace(stripped.charAt(space))) {
      space--;
    }
    String word = stripped.substring(space + 1).replaceFirst("^[(\\[\"'\u201c\u2018\u00ab]+", "");
    return abbreviations.contains(word) || INITIALS.matcher(word).matches();
  }
}
