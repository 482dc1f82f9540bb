package io.encaptio.domain.ai;

import static io.encaptio.domain.ai.ExtractiveAnswererTest.passage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroundingTest {

  private final List<Passage> passages =
      List.of(
          passage("Rent", "The rent is 1,450 euros a month, heating included."),
          passage("Location", "The loft is a ten minute walk from the central station."));

  @Test
  void sentencesSupportedByTheirCitedPassagesAreKeptAndRenumbered() {
    Grounding.Result result =
        Grounding.check(
            "The loft is ten minutes on foot from the central station [2]. The rent is 1,450 euros"
                + " a month [1].",
            passages);
    assertThat(result.grounded()).isTrue();
    assertThat(result.supported().text())
        .isEqualTo(
            "The loft is ten minutes on foot from the central station [1]. The rent is 1,450"
                + " euros a month [2].");
    assertThat(result.supported().citations()).hasSize(2);
    assertThat(result.supported().citations().get(0).headingPath()).isEqualTo("Location");
  }

  @Test
  void aClaimNoPassageSupportsIsLeftOut() {
    Grounding.Result result =
        Grounding.check(
            "The rent is 1,450 euros a month [1]. The landlord also offers a free car and a"
                + " swimming pool [1].",
            passages);
    assertThat(result.grounded()).isFalse();
    assertThat(result.unsupported()).hasSize(1).first().asString().contains("swimming pool");
    assertThat(result.supported().text()).isEqualTo("The rent is 1,450 euros a month [1].");
  }

  @Test
  void anUncitedSupportedSentenceGetsTheCitationOfThePassageThatSupportsIt() {
    Grounding.Result result = Grounding.check("Heating is included in the rent.", passages);
    assertThat(result.supported().text()).isEqualTo("Heating is included in the rent [1].");
  }

  @Test
  void anAnswerWithNoSupportedSentenceIsEmpty() {
    assertThat(Grounding.check("Paris is the capital of France [1].", passages).empty()).isTrue();
  }
}
