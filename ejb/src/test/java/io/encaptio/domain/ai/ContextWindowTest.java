package io.encaptio.domain.ai;

import static io.encaptio.domain.ai.ExtractiveAnswererTest.passage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContextWindowTest {

  /** One token per word. */
  private static int words(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }

  @Test
  void aPassageThatRepeatsOneAlreadyTakenIsLeftOut() {
    Passage first = passage("Rent", "The rent is 1,450 euros a month, heating included.");
    Passage again = passage("Rent", "The rent is 1,450 euros a month, heating included!");
    Passage other = passage("Location", "The loft is a ten minute walk from the station.");
    assertThat(ContextWindow.fit(List.of(first, again, other), 100, ContextWindowTest::words))
        .containsExactly(first, other);
  }

  @Test
  void passagesStopAtTheBudgetInTheirOrderButTheBestIsAlwaysTaken() {
    Passage long1 = passage("A", "word ".repeat(50));
    Passage long2 = passage("B", "other ".repeat(50) + "text");
    Passage small = passage("C", "short text here");
    assertThat(ContextWindow.fit(List.of(long1, long2, small), 80, ContextWindowTest::words))
        .containsExactly(long1);
    assertThat(ContextWindow.fit(List.of(long2), 10, ContextWindowTest::words))
        .containsExactly(long2);
  }
}
