package io.encaptio.domain.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encaptio.domain.capsule.InvalidCapsuleException;
import org.junit.jupiter.api.Test;

class QuestionsTest {

  @Test
  void normalisesWidthControlCharactersAndSpaces() {
    assertThat(Questions.normalise("  Ｗhat\u200b is\t\tthe   rent?\u0007 "))
        .isEqualTo("What is the rent?");
  }

  @Test
  void questionsDifferingInCaseAndEndPunctuationShareAKey() {
    assertThat(Questions.key("What is the RENT?!")).isEqualTo(Questions.key("what is the rent"));
  }

  @Test
  void refusesBlankAndOverlongQuestionsSayingWhatToDo() {
    assertThatThrownBy(() -> Questions.checked(" \n ", 100))
        .isInstanceOf(InvalidCapsuleException.class);
    assertThatThrownBy(() -> Questions.checked("x".repeat(101), 100))
        .isInstanceOf(InvalidCapsuleException.class)
        .hasMessageContaining("Shorten it");
  }
}
