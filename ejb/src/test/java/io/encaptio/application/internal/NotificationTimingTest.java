package io.encaptio.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** When the weekly summary is due, and at which sizes a growing gap is told about. */
class NotificationTimingTest {

  @Test
  void theWeeklySummaryIsDueFromItsHourForOneDay() {
    // 2026-12-07 is a Monday
    assertThat(WeeklySummaries.due(Instant.parse("2026-12-07T07:59:59Z"), DayOfWeek.MONDAY, 8))
        .isEmpty();
    assertThat(WeeklySummaries.due(Instant.parse("2026-12-07T08:00:00Z"), DayOfWeek.MONDAY, 8))
        .get()
        .hasToString("2026-12-07T08:00Z");
    assertThat(WeeklySummaries.due(Instant.parse("2026-12-08T07:59:59Z"), DayOfWeek.MONDAY, 8))
        .get()
        .hasToString("2026-12-07T08:00Z");
    assertThat(WeeklySummaries.due(Instant.parse("2026-12-08T08:00:00Z"), DayOfWeek.MONDAY, 8))
        .as("a day late is too late: a tenant created mid-week waits for the next one")
        .isEmpty();
    assertThat(WeeklySummaries.due(Instant.parse("2026-12-13T23:00:00Z"), DayOfWeek.SUNDAY, 0))
        .get()
        .hasToString("2026-12-13T00:00Z");
  }

  @Test
  void aGrowingGapIsToldAtFiveTenTwentyFortyUnansweredQuestions() {
    assertThat(LongStream.rangeClosed(1, 100).filter(QuestionGaps::growthStep).boxed())
        .containsExactly(5L, 10L, 20L, 40L, 80L);
  }
}
