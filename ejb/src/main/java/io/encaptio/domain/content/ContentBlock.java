package io.encaptio.domain.content;

/**
 * One structural piece of a parsed document, in reading order: a heading (level 1 to 6) or a body
 * block (level 0: a paragraph, a list item, a table row, a subtitle cue). {@code page} is the
 * 1-based page or slide where the format has them; {@code position} any finer place, such as a
 * transcript's time.
 */
public record ContentBlock(String text, int headingLevel, Integer page, String position) {

  public static ContentBlock heading(int level, String text, Integer page) {
    return new ContentBlock(text, level, page, null);
  }

  public static ContentBlock body(String text, Integer page) {
    return new ContentBlock(text, 0, page, null);
  }

  public boolean isHeading() {
    return headingLevel > 0;
  }
}
