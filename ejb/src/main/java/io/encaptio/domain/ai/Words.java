package io.encaptio.domain.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The content words of a text as the answer pipeline compares them, for one language: Lucene's
 * analyzer for it (tokens by Unicode's word rules, lower case, the language's stop words and
 * stemmer, so that "bedrooms" meets "bedroom", "Zimmer" "Zimmern", "chambres" "chambre"), with the
 * words questions are asked with ("what", "tell", "welche", "combien" …) also out. Single letters
 * are dropped, single digits kept. A language without an analyzer here is compared by its
 * lower-case words, unstemmed.
 */
public final class Words {

  /** Words of questions and requests that say nothing of what is asked, per language. */
  private static final Map<String, List<String>> ASKING =
      Map.of(
          "en",
          List.of(
              "a",
              "about",
              "above",
              "after",
              "again",
              "all",
              "am",
              "an",
              "and",
              "any",
              "are",
              "as",
              "at",
              "be",
              "been",
              "before",
              "being",
              "below",
              "between",
              "both",
              "but",
              "by",
              "can",
              "could",
              "did",
              "do",
              "does",
              "doing",
              "down",
              "during",
              "each",
              "few",
              "for",
              "from",
              "further",
              "had",
              "has",
              "have",
              "having",
              "he",
              "her",
              "here",
              "hers",
              "him",
              "his",
              "how",
              "i",
              "if",
              "in",
              "into",
              "is",
              "it",
              "its",
              "itself",
              "just",
              "me",
              "more",
              "most",
              "my",
              "nor",
              "now",
              "of",
              "off",
              "on",
              "once",
              "only",
              "or",
              "other",
              "our",
              "ours",
              "out",
              "over",
              "own",
              "same",
              "she",
              "should",
              "so",
              "some",
              "such",
              "than",
              "that",
              "the",
              "their",
              "theirs",
              "them",
              "then",
              "there",
              "these",
              "they",
              "this",
              "those",
              "through",
              "to",
              "too",
              "under",
              "until",
              "up",
              "very",
              "was",
              "we",
              "were",
              "what",
              "when",
              "where",
              "which",
              "while",
              "who",
              "whom",
              "why",
              "will",
              "with",
              "would",
              "you",
              "your",
              "yours",
              "tell",
              "please",
              "know",
              "want",
              "like",
              "get",
              "much",
              "many",
              "also",
              "may",
              "might",
              "must",
              "shall",
              "let",
              "us",
              "s",
              "t",
              "anything",
              "something",
              "there's",
              "what's",
              "where's",
              "who's"),
          "de",
          List.of(
              "wer",
              "wem",
              "wen",
              "wessen",
              "wann",
              "wo",
              "wohin",
              "woher",
              "wie",
              "was",
              "welche",
              "welcher",
              "welches",
              "welchen",
              "welchem",
              "wieviel",
              "wieviele",
              "viel",
              "viele",
              "gibt",
              "gibt's",
              "bitte",
              "kann",
              "können",
              "könnt",
              "man",
              "mir",
              "sagen",
              "darf",
              "dürfen",
              "muss",
              "müssen",
              "es",
              "ihr",
              "ihre",
              "ihnen",
              "sie",
              "dort",
              "hier"),
          "fr",
          List.of(
              "qui",
              "quand",
              "où",
              "comment",
              "quel",
              "quelle",
              "quels",
              "quelles",
              "combien",
              "pourquoi",
              "est",
              "ce",
              "y",
              "il",
              "a",
              "t",
              "peut",
              "peux",
              "puis",
              "faut",
              "on",
              "vous",
              "votre",
              "vos",
              "svp",
              "dire",
              "quoi",
              "lequel",
              "laquelle"),
          "es",
          List.of(
              "quién", "quien", "cuándo", "cuando", "dónde", "donde", "cómo", "como", "qué", "que",
              "cuál", "cuáles", "cuánto", "cuánta", "cuántos", "cuántas", "hay", "puedo", "puede",
              "por", "favor"));

  /**
   * Words questions ask with that name no feature of their own ("go", "see", "find", "cost",
   * "late"): content words, but a sentence that answers need not repeat them.
   */
  private static final Map<String, String> GENERIC =
      Map.of(
          "en",
          "go see come leave take find try use talk need make give bring get put keep visit stay"
              + " hour hours time times per via"
              + " buy ride run reach join contact single main inside somewhere anywhere"
              + " work do cost price charge pay big small large fast slow late early long far old"
              + " new good best available possible allowed offer provide exist there place time"
              + " day days way kind sort type thing things someone anyone somebody people",
          "de",
          "gehen kommen finden kosten kostet abstellen parken mitbringen bringen bezahlen zahlen"
              + " uhr uhrzeit stunde stunden zeit pro je"
              + " bekommen nehmen machen geben gibt möglich erlaubt groß klein schnell spät früh"
              + " lange weit neu gut bieten angeboten stehen steht jemand leute bleiben übernachten"
              + " mitnehmen",
          "fr",
          "trouver trouve venir aller payer coûter coûte accueillir arriver prendre faire donner"
              + " heure heures temps par"
              + " apporter amener possible permis autorisé grand petit rapide tard tôt long loin"
              + " nouveau bon offrir proposer proposez quelqu'un gens donne donnent"
              + " séjourner dormir",
          "es",
          "ir venir encontrar usar pagar costar cuesta traer llevar hacer dar posible permitido"
              + " grande pequeño rápido tarde temprano largo lejos nuevo bueno ofrecer alguien");

  private static final Map<String, Function<CharArraySet, Analyzer>> ANALYZERS =
      Map.of(
          "en", EnglishAnalyzer::new,
          "de", GermanAnalyzer::new,
          "fr", FrenchAnalyzer::new,
          "es", SpanishAnalyzer::new,
          "it", ItalianAnalyzer::new,
          "pt", PortugueseAnalyzer::new,
          "nl", DutchAnalyzer::new);

  private static final Map<String, CharArraySet> DEFAULT_STOPS =
      Map.of(
          "en", EnglishAnalyzer.getDefaultStopSet(),
          "de", GermanAnalyzer.getDefaultStopSet(),
          "fr", FrenchAnalyzer.getDefaultStopSet(),
          "es", SpanishAnalyzer.getDefaultStopSet(),
          "it", ItalianAnalyzer.getDefaultStopSet(),
          "pt", PortugueseAnalyzer.getDefaultStopSet(),
          "nl", DutchAnalyzer.getDefaultStopSet());

  private static final Map<String, Words> BY_LANGUAGE = new ConcurrentHashMap<>();

  public static final Words ENGLISH = in("en");

  private final String language;
  private final Analyzer analyzer;
  private final Set<String> generic;

  private Words(String language, Analyzer analyzer) {
    this.language = language;
    this.analyzer = analyzer;
    this.generic = Set.copyOf(words(GENERIC.getOrDefault(language, "")));
  }

  /** The words of {@code language} (ISO 639-1; blank or null: English). */
  public static Words in(String language) {
    String code =
        language == null || language.isBlank() ? "en" : language.strip().toLowerCase(Locale.ROOT);
    return BY_LANGUAGE.computeIfAbsent(code, Words::build);
  }

  private static Words build(String code) {
    CharArraySet stop =
        new CharArraySet(DEFAULT_STOPS.getOrDefault(code, CharArraySet.EMPTY_SET), true);
    stop.addAll(ASKING.getOrDefault(code, List.of()));
    Function<CharArraySet, Analyzer> analyzer = ANALYZERS.get(code);
    return new Words(code, analyzer == null ? new StandardAnalyzer(stop) : analyzer.apply(stop));
  }

  /** English words of {@code text}. */
  public static Set<String> of(String text) {
    return ENGLISH.words(text);
  }

  public String language() {
    return language;
  }

  /**
   * Whether {@code words} (of a sentence) hold {@code word} (of a question): the same word, or for
   * a language that joins words (German, Dutch) one holding the other ("kart" in "kartenzahlung",
   * "check" in "eincheck"), for one that conjugates past its stemmer (French, Spanish, Italian,
   * Portuguese) one beginning with the other ("acueil" of "acueilent") or both with the same root;
   * both at least four letters. In German a question's word may also begin with the sentence's
   * ("vermietet", "Vermieter"), and in English and German "un-" before the word holds it.
   */
  public boolean has(Set<String> words, String word) {
    if (words.contains(word)) {
      return true;
    }
    if (NEGATES.contains(language) && words.contains("un" + word)) {
      return true; // "unfurnished" says whether it is furnished
    }
    if (word.length() < 4 || !(JOINS.contains(language) || CONJUGATES.contains(language))) {
      return false;
    }
    for (String other : words) {
      if (other.length() < 4) {
        continue;
      }
      boolean related =
          JOINS.contains(language)
              ? other.contains(word) || (other.length() >= 5 && word.startsWith(other))
              : other.startsWith(word) || word.startsWith(other) || sameRoot(word, other);
      if (related) {
        return true;
      }
    }
    return false;
  }

  /**
   * Two forms of one word past the stemmer's reach: a shared beginning of at least seven letters
   * and seven tenths of the longer ("participent", "participant").
   */
  private static boolean sameRoot(String a, String b) {
    int shared = 0;
    int most = Math.min(a.length(), b.length());
    while (shared < most && a.charAt(shared) == b.charAt(shared)) {
      shared++;
    }
    return shared >= 7 && shared >= 0.7 * Math.max(a.length(), b.length());
  }

  /** Languages that deny with "un-" ("unfurnished", "unbegrenzt"). */
  private static final Set<String> NEGATES = Set.of("en", "de");

  private static final Set<String> JOINS = Set.of("de", "nl", "sv", "da", "no");
  private static final Set<String> CONJUGATES = Set.of("fr", "es", "it", "pt");

  /** The words (as {@link #words} makes them) questions ask with that name no feature. */
  public Set<String> generic() {
    return generic;
  }

  /** The content words of {@code text}, in their order, each once. */
  public Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return words;
    }
    try (TokenStream tokens = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (term.length() > 1 || Character.isDigit(term.charAt(0))) {
          words.add(term.toString());
        }
      }
      tokens.end();
    } catch (IOException impossible) { // a string reader does not fail
      throw new UncheckedIOException(impossible);
    }
    return words;
  }

  /** Shared words over all words of the two (Jaccard): 1 for the same words, 0 for none shared. */
  public static double overlap(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    long shared = a.stream().filter(b::contains).count();
    return (double) shared / (a.size() + b.size() - shared);
  }

  /** Share of {@code wanted} found in {@code words}: 0 (none) to 1 (all). */
  public static double coverage(Set<String> wanted, Set<String> words) {
    if (wanted.isEmpty()) {
      return 0;
    }
    long found = wanted.stream().filter(words::contains).count();
    return (double) found / wanted.size();
  }
}
