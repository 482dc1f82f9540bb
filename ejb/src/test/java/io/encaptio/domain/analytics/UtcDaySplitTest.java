package io.encaptio.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class UtcDaySplitTest {

  private static final LocalDate DAY = LocalDate.parse("2026-12-07");

  @Test
  void utcIsOneDayWithNothingToCut() {
    UtcDaySplit split = UtcDaySplit.of(DAY, ZoneId.of("UTC"));
    assertThat(split.largest()).isEqualTo(DAY);
    assertThat(split.others()).isEmpty();
  }

  @Test
  void aZoneEastOfUtcTakesTheDaysLastHoursIntoTomorrow() {
    UtcDaySplit split = UtcDaySplit.of(DAY, ZoneId.of("Asia/Kolkata")); // +5:30
    // 00:00 UTC is 05:30 there: until 18:30 UTC it is still the 7th, then the 8th
    assertThat(split.largest()).isEqualTo(DAY);
    assertThat(split.others())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.day()).isEqualTo(DAY.plusDays(1));
              assertThat(p.from()).isEqualTo(Instant.parse("2026-12-07T18:30:00Z"));
              assertThat(p.to()).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
            });
  }

  @Test
  void everyInstantOfTheDayIsInExactlyOnePieceOnItsLocalDay() {
    for (String zone :
        new String[] {
          "Pacific/Chatham", "America/St_Johns", "America/Los_Angeles", "Europe/Berlin"
        }) {
      ZoneId z = ZoneId.of(zone);
      for (LocalDate day = LocalDate.parse("2026-03-01");
          day.isBefore(LocalDate.parse("2026-12-01"));
          day = day.plusDays(1)) {
        UtcDaySplit split = UtcDaySplit.of(day, z);
        Instant t = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        for (int q = 0; q < 96; q++, t = t.plus(15, ChronoUnit.MINUTES)) {
          Instant at = t;
          LocalDate local = LocalDate.ofInstant(at, z);
          long inOthers =
              split.others().stream()
                  .filter(p -> !at.isBefore(p.from()) && at.isBefore(p.to()))
                  .peek(p -> assertThat(p.day()).isEqualTo(local))
                  .count();
          if (inOthers == 0) {
            assertThat(local).as("%s %s", zone, at).isEqualTo(split.largest());
          } else {
            assertThat(inOthers).isEqualTo(1);
          }
        }
      }
    }
  }
}
