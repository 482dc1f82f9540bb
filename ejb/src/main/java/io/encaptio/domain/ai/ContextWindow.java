package io.encaptio.domain.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The passages an answer is made from: best first, a passage that repeats one already taken left
 * out (the same text, or nearly: overlapping chunks, content uploaded twice), and no more than a
 * budget of tokens, so the prompt stays within what the model reads and costs what it should. The
 * best passage is always taken.
 */
public final class ContextWindow {

  /** Tokens of passages a chat model is given at most. */
  public static final int BUDGET = 3_000;

  /** Share of shared words above which a passage repeats another. */
  static final double REPEAT = 0.9;

  private ContextWindow() {}

  public static List<Passage> fit(List<Passage> ranked, int budget, ToIntFunction<String> tokens) {
    List<Passage> kept = new ArrayList<>();
    List<Set<String>> taken = new ArrayList<>();
    int used = 0;
    for (Passage passage : ranked) {
      Set<String> words = Words.of(passage.text());
      if (taken.stream().anyMatch(other -> Words.overlap(other, words) >= REPEAT)) {
        continue;
      }
      int cost = tokens.applyAsInt(passage.text());
      if (!kept.isEmpty() && used + cost > budget) {
        break;
      }
      kept.add(passage);
      taken.add(words);
      used += cost;
    }
    return kept;
  }
}
