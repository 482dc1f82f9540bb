package io.encaptio.domain.ai;

import java.util.UUID;

/**
 * A chunk as answers cite it: its text and where it comes from (the item's title, the heading path,
 * the page or web address), and its sentences' embeddings when ingestion stored them.
 *
 * @param sentenceVectors one vector per sentence of {@code text} as {@link Sentences} split it at
 *     ingestion, by {@code model}, packed as {@link SentenceVectors} stores them; null when not
 *     stored (chunks indexed before they were)
 */
public record Passage(
    UUID chunkId,
    UUID itemId,
    String itemTitle,
    String text,
    String headingPath,
    Integer page,
    String position,
    String model,
    byte[] sentenceVectors) {

  /** A passage whose sentences' embeddings are not known. */
  public Passage(
      UUID chunkId,
      UUID itemId,
      String itemTitle,
      String text,
      String headingPath,
      Integer page,
      String position,
      String model) {
    this(chunkId, itemId, itemTitle, text, headingPath, page, position, model, null);
  }
}
