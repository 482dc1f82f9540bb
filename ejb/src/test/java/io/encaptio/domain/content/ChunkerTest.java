package io.encaptio.domain.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  /** One token per word: easy to reason about in a test. */
  private static int words(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  private final Chunker chunker = new Chunker(ChunkerTest::words, 20, 6);

  @Test
  void headingsStartChunksAndNameTheirSection() {
    List<ChunkDraft> chunks =
        chunker.chunk(
            List.of(
                ContentBlock.heading(1, "Loft", null),
                ContentBlock.body("Two bedrooms.", 1),
                ContentBlock.heading(2, "Costs", null),
                ContentBlock.body("Service charges are 310 euros.", 2),
                ContentBlock.heading(1, "Visits", null),
                ContentBlock.body("Saturdays only.", 3)));

    assertThat(chunks)
        .extracting(ChunkDraft::headingPath)
        .containsExactly("Loft", "Loft › Costs", "Visits");
    assertThat(chunks).extracting(ChunkDraft::page).containsExactly(1, 2, 3);
    assertThat(chunks).extracting(ChunkDraft::ordinal).containsExactly(0, 1, 2);
    assertThat(chunks.get(1).embeddingInput())
        .isEqualTo("Loft › Costs\nService charges are 310 euros.");
  }

  @Test
  void blocksOfOneSectionShareAChunkUntilTheBudgetIsReached() {
    List<ContentBlock> blocks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      blocks.add(ContentBlock.body("Row " + i + " has four words.", null));
    }

    List<ChunkDraft> chunks = chunker.chunk(blocks);

    assertThat(chunks).hasSizeGreaterThan(1);
    for (ChunkDraft chunk : chunks) {
      assertThat(words(chunk.embeddingInput())).isLessThanOrEqualTo(20);
    }
    assertThat(chunks.get(0).text()).startsWith("Row 0").contains("Row 1");
    assertThat(String.join("\n", chunks.stream().map(ChunkDraft::text).toList())).contains("Row 5");
  }

  @Test
  void aLongParagraphIsSplitAtSentencesWithOverlap() {
    String paragraph =
        "First sentence has five words. Second sentence has five words. Third sentence has five"
            + " words. Fourth sentence has five words. Fifth sentence has five words.";

    List<ChunkDraft> chunks = chunker.chunk(List.of(ContentBlock.body(paragraph, null)));

    assertThat(chunks).hasSizeGreaterThan(1);
    for (ChunkDraft chunk : chunks) {
      assertThat(words(chunk.text())).isLessThanOrEqualTo(20);
    }
    String lastOfFirst = chunks.get(0).text().substring(chunks.get(0).text().lastIndexOf(". ") + 2);
    assertThat(chunks.get(1).text()).as("overlap").startsWith(lastOfFirst);
  }

  @Test
  void aSentenceLongerThanTheBudgetIsCutAtWords() {
    String sentence = "word ".repeat(50).strip();

    List<ChunkDraft> chunks = chunker.chunk(List.of(ContentBlock.body(sentence, null)));

    assertThat(chunks).hasSizeGreaterThanOrEqualTo(3);
    assertThat(chunks).allSatisfy(c -> assertThat(words(c.text())).isLessThanOrEqualTo(20));
  }

  @Test
  void emptyBlocksMakeNoChunksAndTheOverlapMustStaySmall() {
    assertThat(chunker.chunk(List.of(ContentBlock.body("  ", null)))).isEmpty();
    assertThatThrownBy(() -> new Chunker(ChunkerTest::words, 20, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
