package io.encaptio.domain.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How one UTC day falls into the days of a time zone: cut at every local midnight inside it into
 * pieces, each on one local day. The largest piece is counted from the day's roll-up (the day's
 * total less the other pieces); the others, a few hours at most for most zones, from its quarters.
 *
 * @param largest the local day of the largest piece
 * @param others the other pieces (none in UTC and zones at UTC's offset that day)
 */
public record UtcDaySplit(LocalDate utcDay, LocalDate largest, List<Piece> others) {

  /** {@code [from, to)} of the UTC day, on local day {@code day}. */
  public record Piece(Instant from, Instant to, LocalDate day) {

    long seconds() {
      return to.getEpochSecond() - from.getEpochSecond();
    }
  }

  public static UtcDaySplit of(LocalDate utcDay, ZoneId zone) {
    Instant start = utcDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = utcDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Piece> pieces = new ArrayList<>();
    Instant from = start;
    LocalDate local = LocalDate.ofInstant(start, zone);
    while (from.isBefore(end)) {
      Instant midnight = local.plusDays(1).atStartOfDay(zone).toInstant();
      Instant to = midnight.isBefore(end) ? midnight : end;
      pieces.add(new Piece(from, to, local));
      from = to;
      local = local.plusDays(1);
    }
    Piece largest = pieces.stream().max(Comparator.comparingLong(Piece::seconds)).orElseThrow();
    List<Piece> others = new ArrayList<>(pieces);
    others.remove(largest);
    return new UtcDaySplit(utcDay, largest.day(), List.copyOf(others));
  }
}
