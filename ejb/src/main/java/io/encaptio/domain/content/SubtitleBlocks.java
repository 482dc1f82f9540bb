package io.encaptio.domain.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subtitles (WebVTT, SubRip) as the transcript of a video or recording: one block per cue, its
 * start time kept as the position a citation points to. Cue numbers, settings and markup go.
 */
public final class SubtitleBlocks {

  private static final Pattern TIMING =
      Pattern.compile("^\\s*((?:\\d{1,2}:)?\\d{2}:\\d{2}[.,]\\d{3})\\s+-->\\s+.*$");
  private static final Pattern TAGS = Pattern.compile("<[^>]*>");

  private SubtitleBlocks() {}

  public static List<ContentBlock> of(String text) {
    List<ContentBlock> blocks = new ArrayList<>();
    String start = null;
    StringBuilder cue = new StringBuilder();
    for (String line : text.split("\\R")) {
      Matcher timing = TIMING.matcher(line);
      if (timing.matches()) {
        flush(start, cue, blocks);
        start = timing.group(1).replace(',', '.');
      } else if (line.isBlank()) {
        flush(start, cue, blocks);
        start = null;
      } else if (start != null) {
        if (cue.length() > 0) {
          cue.append(' ');
        }
        cue.append(TAGS.matcher(line.strip()).replaceAll(""));
      }
    }
    flush(start, cue, blocks);
    return blocks;
  }

  private static void flush(String start, StringBuilder cue, List<ContentBlock> blocks) {
    if (start != null && cue.length() > 0) {
      blocks.add(new ContentBlock(cue.toString(), 0, null, start));
    }
    cue.setLength(0);
  }
}
