package io.encaptio.infrastructure.tika;

import static org.assertj.core.api.Assertions.assertThat;

import io.encaptio.domain.content.ContentBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvBlocksTest {

  @Test
  void eachRowNamesItsColumnsAndQuotedFieldsStayWhole() {
    List<ContentBlock> blocks =
        CsvBlocks.of(
            "Model,Note\r\n\"X3, long range\",\"says \"\"fast\"\"\nand quiet\"\r\nY1,\r\n");

    assertThat(blocks)
        .extracting(ContentBlock::text)
        .containsExactly("Model: X3, long range; Note: says \"fast\"\nand quiet", "Model: Y1");
    assertThat(blocks).extracting(ContentBlock::position).containsExactly("row 2", "row 3");
  }
}
