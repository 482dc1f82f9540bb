package io.encaptio.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SynchronisationPaceTest {

  private final SynchronisationPace everyMinuteAtFivePercent =
      new SynchronisationPace(Duration.ofSeconds(60), 5);

  @Test
  void aQuickSynchronisationRunsAtEveryTick() {
    assertEquals(0, everyMinuteAtFivePercent.ticksToSkip(Duration.ofMillis(40)));
    assertEquals(0, everyMinuteAtFivePercent.ticksToSkip(Duration.ofSeconds(3)));
    assertEquals(0, everyMinuteAtFivePercent.ticksToSkip(Duration.ZERO));
  }

  @Test
  void aSlowSynchronisationWaitsUntilItsShareOfTheTimeIsKept() {
    // 3.1 s is 5 % of 62 s: the second tick after it (120 s) is the first that keeps the share
    assertEquals(1, everyMinuteAtFivePercent.ticksToSkip(Duration.ofMillis(3_100)));
    // 30 s of listing at 5 %: one run in 600 s, the tenth tick
    assertEquals(9, everyMinuteAtFivePercent.ticksToSkip(Duration.ofSeconds(30)));
    assertEquals(
        19,
        new SynchronisationPace(Duration.ofSeconds(10), 10).ticksToSkip(Duration.ofSeconds(20)));
  }

  @Test
  void aShareOutsideItsRangeIsRefusedWithTheSettingsName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SynchronisationPace(Duration.ofSeconds(60), 0));
    assertEquals(
        "encaptio.tenant.sync.duty.percent must be above 0 and at most 100, not 0.0",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new SynchronisationPace(Duration.ofSeconds(60), 101));
    assertThrows(IllegalArgumentException.class, () -> new SynchronisationPace(Duration.ZERO, 5));
  }
}
