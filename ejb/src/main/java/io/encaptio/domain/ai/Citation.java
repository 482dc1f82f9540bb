package io.encaptio.domain.ai;

import java.io.Serializable;
import java.util.UUID;

/**
 * A numbered source of an answer: the passage's item, its place in it (heading path, page, or the
 * web address a page came from) and the words of it the answer rests on.
 */
public record Citation(
    int number,
    UUID chunkId,
    UUID itemId,
    String itemTitle,
    String headingPath,
    Integer page,
    String position,
    String snippet)
    implements Serializable {

  static final int SNIPPET = 240;

  static Citation of(int number, Passage passage, String snippet) {
    String text = snippet == null || snippet.isBlank() ? passage.text() : snippet;
    return new Citation(
        number,
        passage.chunkId(),
        passage.itemId(),
        passage.itemTitle(),
        passage.headingPath(),
        passage.page(),
        passage.position(),
        text.length() <= SNIPPET ? text : text.substring(0, SNIPPET - 1).stripTrailing() + "…");
  }
}
