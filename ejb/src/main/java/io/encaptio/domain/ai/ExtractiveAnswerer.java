package io.encaptio.domain.ai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
   */
  public record Gate(double paraphrase, double minEvidence) {

    /** Chosen on the train part of the answerability set (AnswerabilityTuning's grid). */
    public static final Gate CALIBRATED = new Gate(0.2, 0.5);
  }

  /** Evidence a sentence of the kind of answer a typed question asks for ("when": a time) adds. */
  static final double TYPED_MET = 0.25;

  /** A sentence of the kind of answer asked for ranks before one that is not, all else near. */
  static final double TYPE_BONUS = 1.0;

  /** Further sentences must have at least this share of the best one's evidence. */
  static final double COMPANION_SHARE = 0.8;

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
   * @param absent question words none of the passages has, not made up for by this sentence
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
      double evidence,
      double score) {

    boolean answers(Gate gate) {
      return typeMet
          && !words.isEmpty()
          && (absent.isEmpty() || relative >= gate.paraphrase())
          && (coverage >= MIN_COVERAGE || relative >= gate.paraphrase())
          && evidence >= gate.minEvidence();
    }
  }

  /**
   * @param answer the answer, when the content has one
   * @param best the best sentence found, answering or not (null: none)
   * @param type the kind of answer asked for
   */
  public record Decision(Optional<String> answer, Candidate best, AnswerType type) {}

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
    Set<String> everywhere = new HashSet<>();
    List<List<String>> split = new ArrayList<>();
    List<double[]> similarities = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    for (Passage passage : passages) {
      everywhere.addAll(language.words(passage.itemTitle()));
      everywhere.addAll(language.words(passage.headingPath()));
      everywhere.addAll(language.words(passage.text()));
      List<String> sentences = Sentences.of(passage.text(), language.language());
      split.add(sentences);
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
    absent.removeAll(everywhere);
    absent.removeAll(language.generic());
    List<List<Candidate>> byPassage = new ArrayList<>();
    Candidate best = null;
    for (int p = 0; p < passages.size(); p++) {
      List<Candidate> candidates =
          candidates(
              wanted,
              absent,
              type,
              language,
              passages.get(p),
              p,
              split.get(p),
              similarities.get(p),
              median);
      byPassage.add(candidates);
      for (Candidate candidate : candidates) {
        if (best == null || candidate.score() > best.score()) {
          best = candidate;
        }
      }
    }
    if (best == null || !best.answers(gate)) {
      return new Decision(Optional.empty(), best, type);
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
    byPassage.stream()
        .flatMap(List::stream)
        .filter(c -> c.answers(gate) && c.evidence() >= floor)
        .sorted(Comparator.comparingDouble(Candidate::score).reversed())
        .forEach(
            c -> {
              if (chosen.size() < maxSentences
                  && chosen.stream().noneMatch(o -> similar(o, c))
                  && addsToTheAnswer(first, c, wanted)) {
                chosen.add(c);
              }
            });
    chosen.sort(Comparator.comparingInt(Candidate::passage).thenComparingInt(Candidate::position));
    return new Decision(Optional.of(write(chosen)), best, type);
  }

  private static List<Candidate> candidates(
      Set<String> wanted,
      Set<String> absent,
      AnswerType type,
      Words language,
      Passage passage,
      int rank,
      List<String> sentences,
      double[] similarity,
      double median) {
    Set<String> context = new HashSet<>(language.words(passage.headingPath()));
    context.addAll(language.words(passage.itemTitle()));
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      Set<String> words = language.words(sentence);
      if (words.size() < 2 || InjectionGuard.steers(sentence)) {
        words = Set.of(); // never an answer, but keeps positions for "continues"
      }
      double own = Words.coverage(wanted, words);
      Set<String> withContext = new HashSet<>(words);
      withContext.addAll(context);
      double coverage =
          words.isEmpty() ? 0 : own + 0.5 * (Words.coverage(wanted, withContext) - own);
      double cosine =
          similarity == null || similarity.length != sentences.size() ? Double.NaN : similarity[i];
      double relative = Double.isNaN(cosine) || Double.isNaN(median) ? 0 : cosine - median;
      boolean met = type.metBy(sentence);
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
              type.metBy(sentence),
              absent,
              evidence,
              evidence / (1 + 0.1 * rank) + (type.metBy(sentence) ? TYPE_BONUS : 0)));
    }
    return candidates;
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
