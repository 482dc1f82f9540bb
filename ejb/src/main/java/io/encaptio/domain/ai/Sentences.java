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
          "Dr.", "Prof.", "St.", "Mt.", "No.", "Nos.", "Nr.", "approx.", "ca.", "e.g.", "i.e.",
          "vs.", "Fig.", "Tel.", "Mr.", "Mrs.", "Ms.", "Mx.", "Gen.", "Capt.", "Hon.", "Rev.",
          "incl.", "Incl.", "excl.", "Excl.", "Approx.");

  /**
   * Abbreviations that end names ("Kiln &amp; Co. Studio", "48 Harbour Rd."): the sentence ends
   * after them only when the next word opens a sentence ("Rd. The house …").
   */
  private static final List<String> ENDING_NAMES =
      List.of(
          "Co.", "Corp.", "Inc.", "Ltd.", "Bros.", "Ave.", "Rd.", "Jr.", "Sr.", "Ph.D.", "Dept.",
          "Str.", "GmbH.", "Cie.");

  /** Words that open a sentence after a name's abbreviation. */
  private static final Pattern OPENS =
      Pattern.compile(
          "^(The|A|An|It|Its|We|Our|You|Your|This|That|These|There|They|He|She|I|In|On|At|For"
              + "|Please|All|Each|Every|If|When|From|Der|Die|Das|Wir|Sie|Es|Er|Le|La|Les|Nous"
              + "|Vous|Il|Elle|Un|Une|El|Los)\\b");

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
        if (end < clean.length()
            && abbreviated(clean.substring(start, end), clean.substring(end), abbreviations)) {
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
  static boolean abbreviated(String text, String next, Set<String> abbreviations) {
    String stripped = text.stripTrailing();
    int space = stripped.length() - 1;
    while (space >= 0 && !Character.isWhitespace(stripped.charAt(space))) {
      space--;
    }
    String word = stripped.substring(space + 1).replaceFirst("^[(\\[\"'\u201c\u2018\u00ab]+", "");
    if (ENDING_NAMES.contains(word)) {
      return !OPENS.matcher(next.strip()).find();
    }
    return abbreviations.contains(word) || INITIALS.matcher(word).matches();
  }
}
