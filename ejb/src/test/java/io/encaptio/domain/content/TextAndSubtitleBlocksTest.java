package io.encaptio.domain.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextAndSubtitleBlocksTest {

  @Test
  void markdownHeadingsParagraphsAndListItems() {
    List<ContentBlock> blocks =
        TextBlocks.of(
            "Guide",
            "# Start\nFirst line\nsame paragraph.\n\n- one item\n- another\n\n## Next ##\nMore.");

    assertThat(blocks)
        .extracting(ContentBlock::text)
        .containsExactly(
            "Guide",
            "Start",
            "First line same paragraph.",
            "- one item",
            "- another",
            "Next",
            "More.");
    assertThat(blocks).extracting(ContentBlock::headingLevel).containsExactly(1, 2, 0, 0, 0, 3, 0);
  }

  @Test
  void keyValueLinesStandAloneAndEmphasisIsDropped() {
    List<ContentBlock> blocks =
        TextBlocks.of(
            null,
            "Course start: Monday, 3 March\nDuration: 8 weeks\n\n**Open Studio** – for members"
                + "\nwho finished a course.");

    assertThat(blocks)
        .extracting(ContentBlock::text)
        .containsExactly(
            "Course start: Monday, 3 March",
            "Duration: 8 weeks",
            "Open Studio – for members who finished a course.");
  }

  @Test
  void subtitleCuesKeepTheirStartTimeAndLoseMarkup() {
    List<ContentBlock> blocks =
        SubtitleBlocks.of(
            "WEBVTT\n\nintro\n00:00:01.000 --> 00:00:03.000 align:start\n<v Mira>Hello</v>\nthere\n\n"
                + "2\n01:02:03,500 --> 01:02:05,000\nBye.\n");

    assertThat(blocks).extracting(ContentBlock::text).containsExactly("Hello there", "Bye.");
    assertThat(blocks)
        .extracting(ContentBlock::position)
        .containsExactly("00:00:01.000", "01:02:03.500");
  }
}
