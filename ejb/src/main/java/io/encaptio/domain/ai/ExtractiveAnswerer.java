package io.encaptio.domain.ai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The offline answer, composed without a chat model from the passages retrieval found: the
 * sentences that answer the question (those carrying most of its words, with a passage's heading as
 * context, better-ranked passages first), a sentence that continues the best one ("It …", "This
 * …"), each cited, in the order they stand in the content. When no sentence carries at least a
 * third of the question's words the content has no answer, and nothing is made up.
 */
public final class ExtractiveAnswerer {

  /** Share of the question's content words the best sentence must carry. */
  static final double MIN_COVERAGE = 0.34;

  /** Further sentences must score at least this share of the best one. */
  static final double COMPANION_SHARE = 0.6;

  private static final Pattern CONTINUES =
      Pattern.compile(
          "^(it|its|this|that|these|those|they|there|he|she|which|also|however|but|and)\\b.*",
          Pattern.CASE_INSENSITIVE);

  private record Candidate(
      int passage,
      int position,
      String sentence,
      Set<String> words,
      double coverage,
      double score) {}

  private ExtractiveAnswerer() {}

  /**
   * @param passages best first
   * @param maxSentences sentences the answer may have (the capsule's answer length)
   * @return the answer, each sentence marked "[n]" with the number of its passage in {@code
   *     passages} (1-based), as {@link Grounding} reads citations
   */
  public static Optional<String> compose(
      String question, List<Passage> passages, int maxSentences) {
    Set<String> wanted = Words.of(question);
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    List<List<Candidate>> byPassage = new ArrayList<>();
    Candidate best = null;
    for (int p = 0; p < passages.size(); p++) {
      List<Candidate> candidates = candidates(wanted, passages.get(p), p);
      byPassage.add(candidates);
      for (Candidate candidate : candidates) {
        if (best == null || candidate.score() > best.score()) {
          best = candidate;
        }
      }
    }
    if (best == null || best.coverage() < MIN_COVERAGE) {
      return Optional.empty();
    }
    List<Candidate> chosen = new ArrayList<>(List.of(best));
    List<Candidate> own = byPassage.get(best.passage());
    if (best.position() + 1 < own.size()
        && CONTINUES.matcher(own.get(best.position() + 1).sentence()).matches()
        && chosen.size() < maxSentences) {
      chosen.add(own.get(best.position() + 1));
    }
    double floor = best.score() * COMPANION_SHARE;
    byPassage.stream()
        .flatMap(List::stream)
        .filter(c -> c.coverage() >= MIN_COVERAGE && c.score() >= floor)
        .sorted(Comparator.comparingDouble(Candidate::score).reversed())
        .forEach(
            c -> {
              if (chosen.size() < maxSentences && chosen.stream().noneMatch(o -> similar(o, c))) {
                chosen.add(c);
              }
            });
    chosen.sort(Comparator.comparingInt(Candidate::passage).thenComparingInt(Candidate::position));
    return Optional.of(write(chosen));
  }

  private static List<Candidate> candidates(Set<String> wanted, Passage passage, int rank) {
    Set<String> heading = Words.of(passage.headingPath());
    List<Candidate> candidates = new ArrayList<>();
    List<String> sentences = Sentences.of(passage.text());
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      Set<String> words = Words.of(sentence);
      if (words.size() < 2 || InjectionGuard.steers(sentence)) {
        words = Set.of(); // never an answer, but keeps positions for "continues"
      }
      double own = Words.coverage(wanted, words);
      Set<String> withHeading = new HashSet<>(words);
      withHeading.addAll(heading);
      double context = words.isEmpty() ? 0 : Words.coverage(wanted, withHeading);
      double coverage = own + 0.5 * (context - own);
      candidates.add(
          new Candidate(rank, i, sentence, words, coverage, coverage / (1 + 0.1 * rank)));
    }
    return candidates;
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
