package io.encaptio.domain.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void formsOfOneWordMeet() {
    assertThat(Words.of("faces")).isEqualTo(Words.of("face"));
    assertThat(Words.of("included")).isEqualTo(Words.of("includes")).isEqualTo(Words.of("include"));
    assertThat(Words.of("smoking")).isEqualTo(Words.of("smoke"));
    assertThat(Words.of("bedrooms")).isEqualTo(Words.of("bedroom"));
    assertThat(Words.of("cities")).isEqualTo(Words.of("city"));
  }

  @Test
  void stopWordsAndPunctuationAreNotContent() {
    assertThat(Words.of("What is the rent of the loft?")).containsExactly("rent", "loft");
  }

  @Test
  void coverageIsTheShareOfWantedWordsFound() {
    assertThat(Words.coverage(Words.of("balcony face"), Words.of("The balcony faces south")))
        .isEqualTo(1.0);
    assertThat(Words.coverage(Words.of("rent parking"), Words.of("The rent is high")))
        .isEqualTo(0.5);
  }
}
