package io.encaptio.domain.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a source names where its words come from. */
class CitationTest {

  @Test
  void aSourceNamesItsTitleOnceWhenTheFirstHeadingRepeatsIt() {
    assertThat(Citation.pathBelowTitle("Harbour Loft", "Harbour Loft › Costs")).isEqualTo("Costs");
    assertThat(Citation.pathBelowTitle("The listing", "the listing: › Rooms › Upper level"))
        .isEqualTo("Rooms › Upper level");
  }

  @Test
  void aHeadingThatIsOnlyTheTitleLeavesNoPath() {
    assertThat(Citation.pathBelowTitle("Opening hours", "Opening hours")).isNull();
  }

  @Test
  void otherHeadingsStayAsTheyAre() {
    assertThat(Citation.pathBelowTitle("brochure.pdf", "Harbour Loft › Costs"))
        .isEqualTo("Harbour Loft › Costs");
    assertThat(Citation.pathBelowTitle("Costs", "Rooms › Costs")).isEqualTo("Rooms › Costs");
    assertThat(Citation.pathBelowTitle("Costs", null)).isNull();
  }
}
