package io.encaptio.domain.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain and Markdown text as blocks: {@code #} lines are headings, blank lines end paragraphs, each
 * list item, each table row and each "Key: value" line (a fact sheet's "Price: $ 249") is a block
 * of its own. Markdown's emphasis markers ({@code **bold**}, {@code __bold__}, {@code `code`}) are
 * dropped: answers quote the text as readers see it.
 */
public final class TextBlocks {

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*+]|\\d+[.)])\\s+.*");
  private static final Pattern KEY_VALUE =
      Pattern.compile("^\\s*\\p{Lu}[\\p{L}\\p{N} '’&/()-]{0,40}:\\s+\\S.*");
  private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|`");

  private TextBlocks() {}

  /** The text under a title (a level-1 heading), or without one when the title is null. */
  public static List<ContentBlock> of(String title, String text) {
    List<ContentBlock> blocks = new ArrayList<>();
    if (title != null && !title.isBlank()) {
      blocks.add(ContentBlock.heading(1, title.strip(), null));
    }
    int shift = title == null || title.isBlank() ? 0 : 1;
    StringBuilder paragraph = new StringBuilder();
    for (String line : EMPHASIS.matcher(text).replaceAll("").split("\\R")) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        flush(paragraph, blocks);
        int level = Math.min(6, heading.group(1).length() + shift);
        blocks.add(ContentBlock.heading(level, heading.group(2), null));
      } else if (line.isBlank()) {
        flush(paragraph, blocks);
      } else if (LIST_ITEM.matcher(line).matches()
          || KEY_VALUE.matcher(line).matches()
          || line.strip().startsWith("|")) {
        flush(paragraph, blocks);
        blocks.add(ContentBlock.body(line.strip(), null));
      } else {
        if (paragraph.length() > 0) {
          paragraph.append(' ');
        }
        paragraph.append(line.strip());
      }
    }
    flush(paragraph, blocks);
    return blocks;
  }

  private static void flush(StringBuilder paragraph, List<ContentBlock> blocks) {
    if (paragraph.length() > 0) {
      blocks.add(ContentBlock.body(paragraph.toString(), null));
      paragraph.setLength(0);
    }
  }
}
