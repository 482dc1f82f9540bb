package io.encaptio.domain.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The current tenant's analytics events counted per capsule and quarter of an hour (tenant
 * migration V19), and what the analytics service reads from them. A roll-up recomputes whole
 * quarters from the events, so running it again over the same window never counts twice, and an
 * event recorded late lands in its own quarter as long as that quarter is inside the window.
 */
public interface AnalyticsRollups {

  /** Quarters of an hour: every time zone's days begin on one. */
  long QUARTER_SECONDS = 15 * 60;

  /**
   * Counts of one kind of event (and detail) on one day of a time zone.
   *
   * @param detail the channel of an open, the outcome of an answer, "+1" or "-1" for feedback, a
   *     button's label, a message's intent; "" for the other kinds
   */
  record DayCount(LocalDate day, String kind, String detail, long events) {}

  /** Distinct visitors of one day. */
  record DayVisitors(LocalDate day, long visitors) {}

  /** Takes the tenant's roll-up lock until the transaction ends (one roll-up at a time). */
  void lock();

  /**
   * The last roll-up: quarters before {@code until} are rolled up, and it ran {@code at} (counting
   * every event recorded before).
   */
  record LastRollUp(Instant until, Instant at) {}

  /** The last roll-up; empty when nothing was rolled up yet. */
  Optional<LastRollUp> lastRollUp();

  /** The time of the earliest event, empty when there is none. */
  Optional<Instant> firstEvent();

  /** Whether any event was recorded at or after {@code since}. */
  boolean eventsSince(Instant since);

  /**
   * Recomputes the quarters in {@code [from, to)} from the events (both on quarter boundaries) and
   * records {@code rolledUntil}.
   *
   * @return rows written
   */
  int rollUp(Instant from, Instant to, Instant rolledUntil);

  /** Refreshes the planner's statistics of the roll-up tables after a large roll-up. */
  void analyze();

  /**
   * Events per day of {@code zone}, kind and detail for the capsules (none when empty), days {@code
   * from} to {@code to} inclusive.
   */
  List<DayCount> days(Set<UUID> capsules, LocalDate from, LocalDate to, ZoneId zone);

  /** Events of {@code kind} per hour of the day (0–23) in {@code zone} over the days. */
  long[] hours(Set<UUID> capsules, String kind, LocalDate from, LocalDate to, ZoneId zone);

  /** Distinct visitors per day of {@code zone}, and over all the days together. */
  VisitorCounts visitors(Set<UUID> capsules, LocalDate from, LocalDate to, ZoneId zone);

  /** Distinct visitors over all the days together. */
  long visitorTotal(Set<UUID> capsules, LocalDate from, LocalDate to, ZoneId zone);

  /**
   * @param days distinct visitors per day (days without any left out)
   * @param total over all the days
   */
  record VisitorCounts(List<DayVisitors> days, long total) {}
}
