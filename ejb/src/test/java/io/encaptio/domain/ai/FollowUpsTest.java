package io.encaptio.domain.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpsTest {

  @Test
  void aFollowUpIsSearchedWithTheQuestionItFollows() {
    assertThat(FollowUps.standalone("And is it furnished?", List.of("How much is the rent?")))
        .contains("is it furnished")
        .contains("How much is the rent?");
    assertThat(FollowUps.standalone("What about parking?", List.of("Are pets allowed?")))
        .contains("Are pets allowed?");
  }

  @Test
  void aQuestionThatNamesItsOwnSubjectStandsAlone() {
    assertThat(
            FollowUps.standalone(
                "Is the Harbour Loft apartment close to the central station?",
                List.of("How much is the rent?")))
        .isEqualTo("Is the Harbour Loft apartment close to the central station?");
  }

  @Test
  void theFirstQuestionOfAConversationStandsAlone() {
    assertThat(FollowUps.standalone("And is it furnished?", List.of()))
        .isEqualTo("And is it furnished?");
  }
}
