package io.encaptio.domain.ai;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * The offline answer, composed without a chat model from the passages retrieval found: the sentence
 * that answers the question best — by its words (the question's content words it carries, with its
 * passage's heading and title as context) and by its meaning (its embedding's closeness to the
 * question's, relative to the other sentences found for the question) — and only further sentences
 * that answer on their own as well ("It …" continuing the best one included), each cited, in the
 * order they stand in the content. No sentence is given that is merely nearby.
 *
 * <p>The gate that decides whether the content answers at all ({@link #decide}) asks of the best
 * sentence that it gives the kind of answer the question asks for ({@link AnswerType}: a time for
 * "when", an amount for "how much", a name for "who" …), that every content word of the question
 * the passages lack entirely is made up for by the sentence's meaning, and that enough of the
 * question is covered by words or meaning. Otherwise the content has no answer and nothing is made
 * up. Its thresholds were calibrated on the train part of the answerability set
 * (ear/src/test/resources/answerability).
 */
public final class ExtractiveAnswerer {

  /** Share of the question's content words the best sentence must carry, by words alone. */
  static final double MIN_COVERAGE = 0.34;

  /** Weight of meaning (similarity above the question's median sentence) against words. */
  static final double MEANING_WEIGHT = 2.0;

  /**
   * The gate's two calibrated thresholds.
   *
   * @param paraphrase similarity above the median that makes up for question words the passages
   *     lack
   * @param minEvidence combined evidence (coverage, weighted meaning, the kind of answer met) an
   *     answer needs
   * @param speaksTo how much the question's words the passages lack must add to a sentence's
   *     closeness to the question ("Who teaches …" against "Who … the course?" for "The instructor
   *     is …"), when measured
   * @param despiteAbsent weighted coverage of the question's other words that answers even though
   *     some of its words are in none of the passages (they weigh most)
   */
  public record Gate(double paraphrase, double minEvidence, double speaksTo, double despiteAbsent) {

    /** Chosen on the train part of the answerability set (AnswerabilityTuning's grid). */
    public static final Gate CALIBRATED = new Gate(0.2, 0.7, 0.02, 0.6);
  }

  /** Evidence a sentence of the kind of answer a typed question asks for ("when": a time) adds. */
  static final double TYPED_MET = 0.25;

  /** A sentence of the kind of answer asked for ranks before one that is not, all else near. */
  static final double TYPE_BONUS = 1.0;

  /** Further sentences must have at least this share of the best one's evidence. */
  static final double COMPANION_SHARE = 0.8;

  private static final Pattern LOWER_CASE_WORD = Pattern.compile("[^\\p{L}]+");

  /** E-mail addresses and web addresses: lower case, but not the content's ordinary words. */
  private static final Pattern ADDRESSES =
      Pattern.compile(
          "(?<!\\S)[^\\s@]++@\\S++|\\bhttps?://\\S++|\\bwww\\.\\S++", Pattern.CASE_INSENSITIVE);

  /** A number, in figures or (two to twelve, twenty) in words; not "a", "ein", "une". */
  private static final Pattern COUNT =
      Pattern.compile(
          "\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
              + "|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig"
              + "|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|vingt|dos|tres"
              + "|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A fact sheet's "Key: value" line, read with the line before it. */
  private static final Pattern LABELLED = Pattern.compile("^[^:]{1,40}:\\s.*");

  private static final Pattern CONTINUES =
      Pattern.compile(
          "^(it|its|this|that|these|those|they|there|he|she|which|also|however|but|and)\\b.*",
          Pattern.CASE_INSENSITIVE);

  /**
   * A sentence as the gate sees it.
   *
   * @param coverage share of the question's words it carries (heading and title count half)
   * @param similarity cosine with the question, NaN when unknown
   * @param relative similarity above the median of the question's sentences (0 when unknown)
   * @param absent question words none of the passages has
   * @param speaksTo how much closer the sentence is to the question than to the question without
   *     its absent words: what the sentence says of them in other words (NaN when not measured)
   */
  public record Candidate(
      int passage,
      int position,
      String sentence,
      Set<String> words,
      double coverage,
      double similarity,
      double relative,
      boolean typeMet,
      Set<String> absent,
      double speaksTo,
      double evidence,
      double score) {

    boolean answers(Gate gate) {
      return answersBesidesAbsentWords(gate)
          && (absent.isEmpty()
              || coverage >= gate.despiteAbsent()
              || (Double.isNaN(speaksTo)
                  ? relative >= gate.paraphrase()
                  : speaksTo >= gate.speaksTo()));
    }

    /** Whether the answer turns on what the sentence says of the question's absent words. */
    boolean turnsOnAbsentWords(Gate gate) {
      return !absent.isEmpty()
          && coverage < gate.despiteAbsent()
          && !Double.isNaN(similarity)
          && answersBesidesAbsentWords(gate);
    }

    private boolean answersBesidesAbsentWords(Gate gate) {
      return typeMet
          && !words.isEmpty()
          && (coverage >= MIN_COVERAGE || relative >= gate.paraphrase())
          && evidence >= gate.minEvidence();
    }
  }

  /**
   * @param answer the answer, when the content has one
   * @param best the best sentence found, answering or not (null: none)
   * @param type the kind of answer asked for
   */
  public record Decision(
      Optional<String> answer, Candidate best, AnswerType type, List<Candidate> runnersUp) {

    Decision(Optional<String> answer, Candidate best, AnswerType type) {
      this(answer, best, type, List.of());
    }
  }

  private ExtractiveAnswerer() {}

  /** {@link #decide} in English, by words alone. */
  public static Optional<String> compose(
      String question, List<Passage> passages, int maxSentences) {
    return decide(question, passages, maxSentences, Words.ENGLISH, SentenceMeaning.NONE).answer();
  }

  /**
   * @param passages best first
   * @param maxSentences sentences the answer may have (the capsule's answer length)
   * @param language the words of the content's language
   * @param meaning the sentences' closeness to the question
   * @return the answer, each sentence marked "[n]" with the number of its passage in {@code
   *     passages} (1-based), as {@link Grounding} reads citations; empty when the passages do not
   *     answer the question
   */
  public static Decision decide(
      String question,
      List<Passage> passages,
      int maxSentences,
      Words language,
      SentenceMeaning meaning) {
    return decide(question, passages, maxSentences, language, meaning, Gate.CALIBRATED);
  }

  /** {@link #decide} with other thresholds than the calibrated ones (calibration only). */
  static Decision decide(
      String question,
      List<Passage> passages,
      int maxSentences,
      Words language,
      SentenceMeaning meaning,
      Gate gate) {
    AnswerType type = AnswerType.of(question);
    Set<String> asked = language.words(question);
    if (asked.isEmpty()) {
      return new Decision(Optional.empty(), null, type);
    }
    Optional<Measure> measure = Measure.of(question);
    InOtherWords inOtherWords = InOtherWords.of(question, measure, language);
    Set<String> everywhere = new HashSet<>();
    List<List<String>> split = new ArrayList<>();
    List<List<Set<String>>> sentenceWords = new ArrayList<>();
    List<double[]> similarities = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    for (Passage passage : passages) {
      everywhere.addAll(language.words(passage.itemTitle()));
      everywhere.addAll(language.words(passage.headingPath()));
      List<String> sentences = Sentences.of(passage.text(), language.language());
      List<Set<String>> words =
          sentences.stream().map(s -> inOtherWords.added(s, language.words(s))).toList();
      words.forEach(everywhere::addAll);
      split.add(sentences);
      sentenceWords.add(words);
      double[] similarity = sentences.isEmpty() ? null : meaning.similarities(passage, sentences);
      similarities.add(similarity);
      if (similarity != null) {
        for (double value : similarity) {
          all.add(value);
        }
      }
    }
    double median = median(all);
    // "cost", "find", "late" are met by the kind of answer; the other words must be covered
    Set<String> focus = new LinkedHashSet<>(asked);
    focus.removeAll(language.generic());
    Set<String> wanted = focus.isEmpty() ? asked : focus;
    Set<String> absent = new LinkedHashSet<>(wanted);
    absent.removeIf(word -> language.has(everywhere, word));
    absent.removeAll(language.generic());
    Map<String, Double> weights = weights(wanted, sentenceWords, language);
    Set<String> lowerCase = ordinary(passages, language);
    Predicate<String> ordinary =
        word ->
            language.words(word.toLowerCase(Locale.ROOT)).stream().anyMatch(lowerCase::contains);
    // how plainly a sentence gives the kind of answer asked for; a measuring question's needs its
    // unit ("How fast …": "25 km/h", not the "S2" of a model's name)
    // asked of a sentence again when the answer is ranked anew and its companions are chosen
    Map<String, Double> strengths = new HashMap<>();
    ToDoubleFunction<String> strength =
        sentence ->
            strengths.computeIfAbsent(
                sentence,
                text -> {
                  double plain = type.strength(text, ordinary);
                  if (measure.isPresent()) {
                    return Math.min(plain, measure.get().strength(text));
                  }
                  // "How many people …": "10 participants" more plainly than "7 days"
                  return type == AnswerType.NUMBER && plain > 0 && !counts(text, wanted, language)
                      ? 0.5
                      : plain;
                });
    Function<List<double[]>, List<List<Candidate>>> ranked =
        without ->
            byPassage(
                wanted,
                absent,
                type,
                language,
                passages,
                split,
                sentenceWords,
                similarities,
                without,
                median,
                weights,
                strength);
    List<List<Candidate>> byPassage =
        ranked.apply(new ArrayList<>(Collections.nCopies(passages.size(), null)));
    if (byPassage.stream().flatMap(List::stream).anyMatch(c -> c.turnsOnAbsentWords(gate))) {
      // the question without its absent words is embedded only when a sentence's answer turns on
      // what it says of them: one query embedding, most questions need none
      byPassage = ranked.apply(withoutAbsent(question, absent, language, meaning, passages, split));
    }
    Candidate best = null;
    for (List<Candidate> candidates : byPassage) {
      for (Candidate candidate : candidates) {
        if (best == null || candidate.score() > best.score()) {
          best = candidate;
        }
      }
    }
    List<Candidate> runnersUp =
        byPassage.stream()
            .flatMap(List::stream)
            .sorted(Comparator.comparingDouble(Candidate::score).reversed())
            .skip(1)
            .limit(3)
            .toList();
    if (best == null || !best.answers(gate)) {
      return new Decision(Optional.empty(), best, type, runnersUp);
    }
    List<Candidate> chosen = new ArrayList<>(List.of(best));
    List<Candidate> own = byPassage.get(best.passage());
    if (best.position() + 1 < own.size()
        && CONTINUES.matcher(own.get(best.position() + 1).sentence()).matches()
        && !own.get(best.position() + 1).words().isEmpty()
        && Words.coverage(wanted, own.get(best.position() + 1).words()) > 0
        && chosen.size() < maxSentences) {
      chosen.add(own.get(best.position() + 1));
    }
    double floor = best.evidence() * COMPANION_SHARE;
    Candidate first = best;
    double plainness = strength.applyAsDouble(best.sentence());
    // a sentence that gives the kind of answer more plainly than the best one (the address beside
    // "on the ground floor") joins it even with less evidence, as long as it answers on its own
    Predicate<Candidate> plainer =
        c -> type.typed() && strength.applyAsDouble(c.sentence()) > plainness;
    byPassage.stream()
        .flatMap(List::stream)
        .filter(c -> c.answers(gate) && (c.evidence() >= floor || plainer.test(c)))
        .sorted(Comparator.comparingDouble(Candidate::score).reversed())
        .forEach(
            c -> {
              if (chosen.size() < maxSentences
                  && chosen.stream().noneMatch(o -> similar(o, c))
                  && (addsToTheAnswer(first, c, wanted) || plainer.test(c))) {
                chosen.add(c);
              }
            });
    chosen.sort(Comparator.comparingInt(Candidate::passage).thenComparingInt(Candidate::position));
    return new Decision(Optional.of(write(chosen)), best, type, runnersUp);
  }

  /** Each passage's candidate sentences, with the closeness measured without the absent words. */
  private static List<List<Candidate>> byPassage(
      Set<String> wanted,
      Set<String> absent,
      AnswerType type,
      Words language,
      List<Passage> passages,
      List<List<String>> split,
      List<List<Set<String>>> sentenceWords,
      List<double[]> similarities,
      List<double[]> without,
      double median,
      Map<String, Double> weights,
      ToDoubleFunction<String> strength) {
    List<List<Candidate>> byPassage = new ArrayList<>();
    for (int p = 0; p < passages.size(); p++) {
      byPassage.add(
          candidates(
              wanted,
              absent,
              type,
              language,
              passages.get(p),
              p,
              split.get(p),
              sentenceWords.get(p),
              similarities.get(p),
              without.get(p),
              median,
              weights,
              strength));
    }
    return byPassage;
  }

  private static List<Candidate> candidates(
      Set<String> wanted,
      Set<String> absent,
      AnswerType type,
      Words language,
      Passage passage,
      int rank,
      List<String> sentences,
      List<Set<String>> sentenceWords,
      double[] similarity,
      double[] without,
      double median,
      Map<String, Double> weights,
      ToDoubleFunction<String> strength) {
    Set<String> context = new HashSet<>(language.words(passage.headingPath()));
    context.addAll(language.words(passage.itemTitle()));
    int[] leads = leads(passage.text(), sentences);
    boolean[] steering = new boolean[sentences.size()];
    for (int i = 0; i < sentences.size(); i++) {
      steering[i] = InjectionGuard.steers(sentences.get(i));
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      Set<String> words = sentenceWords.get(i);
      if ((words.size() < 2 && !shortAnswer(sentence, words, wanted, language)) || steering[i]) {
        words = Set.of(); // never an answer, but keeps positions for "continues"
      }
      double own = weighted(wanted, words, weights, language);
      Set<String> withContext = new HashSet<>(words);
      withContext.addAll(context);
      if (i > 0 && LABELLED.matcher(sentence).matches()) {
        withContext.addAll(sentenceWords.get(i - 1)); // "Price: $ 320" under its course
      }
      if (leads[i] >= 0 && !steering[leads[i]]) {
        withContext.addAll(sentenceWords.get(leads[i])); // its paragraph's subject
      }
      double coverage =
          words.isEmpty()
              ? 0
              : own + 0.5 * (weighted(wanted, withContext, weights, language) - own);
      double cosine =
          similarity == null || similarity.length != sentences.size() ? Double.NaN : similarity[i];
      double relative = Double.isNaN(cosine) || Double.isNaN(median) ? 0 : cosine - median;
      double plainness = strength.applyAsDouble(sentence);
      boolean met = plainness > 0;
      double evidence =
          words.isEmpty()
              ? 0
              : coverage
                  + MEANING_WEIGHT * Math.max(0, relative)
                  + (met && type.typed() ? TYPED_MET : 0);
      candidates.add(
          new Candidate(
              rank,
              i,
              sentence,
              words,
              coverage,
              cosine,
              relative,
              met,
              absent,
              Double.isNaN(cosine) || without == null || without.length != sentences.size()
                  ? Double.NaN
                  : cosine - without[i],
              evidence,
              evidence / (1 + 0.1 * rank) + TYPE_BONUS * plainness));
    }
    return candidates;
  }

  /**
   * What a sentence says of the question's words in other words: its days ("closed at weekends" for
   * "on a Saturday", "Monday to Thursday" for "on Wednesday"), its measure ("weighs 16.5 kg" for
   * "How heavy …", "Mindestaufenthalt: 3 Nächte" for "Wie lange …") and its {@link Concept}s
   * ("Tiefgarage" for "Wo kann ich mein Auto abstellen?").
   *
   * @param days the days the question asks about
   * @param dayWords the question's words for them
   * @param measure what the question measures
   * @param measureWords the question's measuring word
   * @param concepts the concepts the question asks about
   * @param conceptWords the question's words for each
   */
  private record InOtherWords(
      BitSet days,
      Set<String> dayWords,
      Optional<Measure> measure,
      Set<String> measureWords,
      List<Concept> concepts,
      List<Set<String>> conceptWords) {

    static InOtherWords of(String question, Optional<Measure> measure, Words language) {
      BitSet days = Days.asked(question);
      List<Concept> concepts = Concept.asked(question);
      return new InOtherWords(
          days,
          days.isEmpty() ? Set.of() : language.words(String.join(" ", Days.askedWords(question))),
          measure,
          measure.map(m -> language.words(m.word(question))).orElse(Set.of()),
          concepts,
          concepts.stream().map(c -> language.words(c.words(question))).toList());
    }

    /** The sentence's words with the question's words it says in other words. */
    Set<String> added(String sentence, Set<String> words) {
      List<Set<String>> said = new ArrayList<>();
      if (!dayWords.isEmpty() && Days.spoken(sentence).intersects(days)) {
        said.add(dayWords);
      }
      if (!measureWords.isEmpty() && measure.get().givenIn(sentence)) {
        said.add(measureWords);
      }
      for (int i = 0; i < concepts.size(); i++) {
        if (concepts.get(i).spokenIn(sentence)) {
          said.add(conceptWords.get(i));
        }
      }
      if (said.isEmpty()) {
        return words; // most sentences: no copy
      }
      Set<String> with = new HashSet<>(words);
      said.forEach(with::addAll);
      return with;
    }
  }

  /**
   * Whether a number in {@code sentence} counts one of the question's words: one of them within two
   * words of it ("four bedrooms", "Bedrooms: 4", "10 participants" for "Combien de personnes
   * participent …").
   */
  private static boolean counts(String sentence, Set<String> wanted, Words language) {
    String[] tokens = sentence.split("\\s+");
    for (int i = 0; i < tokens.length; i++) {
      if (!COUNT.matcher(tokens[i].replaceAll("[^\\p{L}\\d]", "")).matches()) {
        continue;
      }
      StringBuilder near = new StringBuilder();
      for (int j = Math.max(0, i - 2); j <= Math.min(tokens.length - 1, i + 2); j++) {
        if (j != i) {
          near.append(tokens[j]).append(' ');
        }
      }
      Set<String> words = language.words(near.toString());
      if (wanted.stream().anyMatch(w -> language.has(words, w))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A whole sentence with one content word, the one asked about: "There are no exams." answers "Is
   * there a final exam?"; a lone label or heading ("Parking") does not.
   */
  private static boolean shortAnswer(
      String sentence, Set<String> words, Set<String> wanted, Words language) {
    return words.size() == 1
        && wanted.stream().anyMatch(w -> language.has(words, w))
        && sentence.strip().split("\\s+").length >= 3
        && sentence.strip().matches("(?s).*[.!]$");
  }

  /**
   * For each sentence, the position of its paragraph's first sentence (a line of the passage: what
   * the paragraph is about, "Wheel Throwing for Beginners – a six-week course …" for "The
   * instructor is Dana Whitfield"), or -1 for a paragraph's first sentence and where the sentence
   * is not found in the text as it stands.
   */
  static int[] leads(String text, List<String> sentences) {
    int[] leads = new int[sentences.size()];
    int lead = -1;
    int cursor = 0;
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i).strip();
      int at = sentence.isEmpty() ? -1 : text.indexOf(sentence, cursor);
      if (at < 0) {
        leads[i] = -1;
        lead = -1;
        continue;
      }
      boolean opens = lead < 0 || text.substring(cursor, at).indexOf('\n') >= 0;
      leads[i] = opens ? -1 : lead;
      if (opens) {
        lead = i;
      }
      cursor = at + sentence.length();
    }
    return leads;
  }

  /**
   * How much each question word says of what is asked, from how few of the found sentences carry it
   * (an inverse document frequency over the sentences): the capsule's own topic words ("house" in a
   * house listing) weigh little, a word in one sentence much, a word in none most.
   */
  private static Map<String, Double> weights(
      Set<String> wanted, List<List<Set<String>>> sentenceWords, Words language) {
    List<Set<String>> sentences = sentenceWords.stream().flatMap(List::stream).toList();
    Map<String, Double> weights = new HashMap<>();
    for (String word : wanted) {
      long carrying = sentences.stream().filter(w -> language.has(w, word)).count();
      weights.put(word, Math.log(1 + (sentences.size() + 1.0) / (carrying + 1.0)));
    }
    return weights;
  }

  /** The words (as the language compares them) the passages use in lower case. */
  private static Set<String> ordinary(List<Passage> passages, Words language) {
    Set<String> ordinary = new HashSet<>();
    for (Passage passage : passages) {
      StringBuilder lowerCase = new StringBuilder();
      // "m.hale@…" does not make "Hale" an ordinary word
      for (String token :
          LOWER_CASE_WORD.split(ADDRESSES.matcher(passage.text()).replaceAll(" "))) {
        if (!token.isEmpty() && Character.isLowerCase(token.charAt(0))) {
          lowerCase.append(token).append(' ');
        }
      }
      ordinary.addAll(language.words(lowerCase.toString())); // one analysis per passage
    }
    return ordinary;
  }

  /** The weighted share of {@code wanted} found in {@code words}. */
  private static double weighted(
      Set<String> wanted, Set<String> words, Map<String, Double> weights, Words language) {
    double total = 0;
    double found = 0;
    for (String word : wanted) {
      double weight = weights.getOrDefault(word, 1.0);
      total += weight;
      found += language.has(words, word) ? weight : 0;
    }
    return total == 0 ? 0 : found / total;
  }

  /**
   * Each passage's sentences' closeness to the question without its absent words (null entries when
   * there are none, or no meaning is known).
   */
  private static List<double[]> withoutAbsent(
      String question,
      Set<String> absent,
      Words language,
      SentenceMeaning meaning,
      List<Passage> passages,
      List<List<String>> split) {
    List<double[]> without = new ArrayList<>();
    SentenceMeaning reduced = SentenceMeaning.NONE;
    if (!absent.isEmpty()) {
      StringBuilder kept = new StringBuilder();
      for (String token : question.split("\\s+")) {
        Set<String> words = language.words(token);
        if (words.isEmpty() || words.stream().noneMatch(absent::contains)) {
          kept.append(kept.isEmpty() ? "" : " ").append(token);
        }
      }
      if (!language.words(kept.toString()).isEmpty()) {
        reduced = meaning.of(kept.toString());
      }
    }
    for (int p = 0; p < passages.size(); p++) {
      without.add(
          split.get(p).isEmpty() ? null : reduced.similarities(passages.get(p), split.get(p)));
    }
    return without;
  }

  /** A further sentence answers something the first does not: a question word it lacks. */
  private static boolean addsToTheAnswer(Candidate first, Candidate other, Set<String> wanted) {
    return wanted.stream().anyMatch(w -> other.words().contains(w) && !first.words().contains(w));
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static boolean similar(Candidate a, Candidate b) {
    if (a.passage() == b.passage() && a.position() == b.position()) {
      return true;
    }
    return !a.words().isEmpty() && Words.overlap(a.words(), b.words()) > 0.8;
  }

  /** The sentences, each marked with its passage's number (1 for the best passage). */
  private static String write(List<Candidate> chosen) {
    StringBuilder text = new StringBuilder();
    for (Candidate candidate : chosen) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(cited(candidate.sentence(), candidate.passage() + 1));
    }
    return text.toString();
  }

  /** "Check-in is from 15:00." becomes "Check-in is from 15:00 [1]." */
  static String cited(String sentence, int number) {
    return Grounding.marked(sentence, " [" + number + "]");
  }
}
