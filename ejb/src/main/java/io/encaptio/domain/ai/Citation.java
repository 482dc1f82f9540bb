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
        pathBelowTitle(passage.itemTitle(), passage.headingPath()),
        passage.page(),
        passage.position(),
        text.length() <= SNIPPET ? text : text.substring(0, SNIPPET - 1).stripTrailing() + "…");
  }

  /**
   * The heading path without the headings that only repeat the item's title (a document whose first
   * heading is its title, a page titled like its main heading), so a source reads "Title ·
   * Section", not "Title · Title › Section"; null when nothing is left.
   */
  public static String pathBelowTitle(String itemTitle, String headingPath) {
    if (headingPath == null || itemTitle == null) {
      return headingPath;
    }
    String title = comparable(itemTitle);
    String[] headings = headingPath.split(" › ");
    int first = 0;
    while (first < headings.length && comparable(headings[first]).equals(title)) {
      first++;
    }
    return first == headings.length
        ? null
        : String.join(" › ", java.util.Arrays.copyOfRange(headings, first, headings.length));
  }

  private static String comparable(String text) {
    return text.strip().replaceAll("[\\s.:]+$", "").toLowerCase(java.util.Locale.ROOT);
  }
}
