package io.encaptio.domain.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceVectorsTest {

  @Test
  void vectorsComeBackAsTheyWereStored() {
    List<float[]> vectors = List.of(new float[] {0.5f, -1.25f, 3f}, new float[] {0f, 1e-7f, -2f});
    float[][] back = SentenceVectors.unpack(SentenceVectors.pack(vectors), 3);
    assertThat(back).hasDimensions(2, 3);
    assertThat(back[0]).containsExactly(0.5f, -1.25f, 3f);
    assertThat(back[1]).containsExactly(0f, 1e-7f, -2f);
  }

  @Test
  void bytesOfAnotherShapeAreNotVectors() {
    assertThat(SentenceVectors.unpack(null, 3)).isNull();
    assertThat(SentenceVectors.unpack(new byte[10], 3)).isNull();
    assertThat(SentenceVectors.unpack(new byte[0], 3)).isEmpty();
  }
}
