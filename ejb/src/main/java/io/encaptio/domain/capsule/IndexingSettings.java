package io.encaptio.domain.capsule;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a capsule's content is indexed: the embedding model and the size of its chunks (in the
 * model's tokens, heading path included) with the overlap between neighbours. Not versioned with
 * the assistant's settings: a change applies to the index at once, re-embedding every item.
 *
 * @param model the embedding model's id, stored with every chunk it made
 */
public record IndexingSettings(String model, int chunkTokens, int overlapTokens)
    implements Serializable {

  /**
   * New capsules: bge-small-en-v1.5 (quantised) in chunks of 240 tokens, the best nDCG@10 of the
   * measured models on SciFact train (see liberty-config/bench-models-results.md).
   */
  public static final IndexingSettings DEFAULT =
      new IndexingSettings("bge-small-en-v1.5-q", 240, 40);

  /** Capsules indexed before models could be chosen: what made their chunks. */
  public static final IndexingSettings FIRST = new IndexingSettings("all-minilm-l6-v2", 120, 24);

  static final int MIN_CHUNK_TOKENS = 32;

  /**
   * Checks the settings against the model's window (the most tokens it reads of one text).
   *
   * @throws InvalidCapsuleException naming each field to fix; {@code model} is checked by the
   *     caller
   */
  public IndexingSettings checkedFor(int modelWindow) {
    Map<String, String> problems = new LinkedHashMap<>();
    int largest = modelWindow - 8;
    if (chunkTokens < MIN_CHUNK_TOKENS || chunkTokens > largest) {
      problems.put(
          "chunkTokens",
          "Choose a chunk size from "
              + MIN_CHUNK_TOKENS
              + " to "
              + largest
              + " tokens: this model reads at most "
              + modelWindow
              + " tokens of a text.");
    }
    if (overlapTokens < 0 || overlapTokens > chunkTokens / 2) {
      problems.put(
          "overlapTokens",
          "Choose an overlap from 0 to half the chunk size (" + chunkTokens / 2 + " tokens).");
    }
    if (!problems.isEmpty()) {
      throw new InvalidCapsuleException(problems);
    }
    return this;
  }
}
