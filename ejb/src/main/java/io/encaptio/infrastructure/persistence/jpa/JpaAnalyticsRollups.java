package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.analytics.AnalyticsEvent;
import io.encaptio.domain.analytics.AnalyticsRollups;
import io.encaptio.domain.analytics.UtcDaySplit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The roll-ups in native SQL: {@code date_bin} puts each event into its quarter of an hour, a
 * window is deleted and written again in one transaction, and reads group the quarters by the day
 * (or hour) they fall in in the asked time zone.
 */
@ApplicationScoped
public class JpaAnalyticsRollups implements AnalyticsRollups {

  /**
   * The kinds whose detail is counted apart (bounded values; an unanswered one holds a question).
   */
  private static final String DETAILED =
      "('"
          + String.join(
              "', '",
              AnalyticsEvent.OPEN,
              AnalyticsEvent.MESSAGE,
              AnalyticsEvent.ANSWER,
              AnalyticsEvent.FEEDBACK,
              AnalyticsEvent.BUTTON_CLICK)
          + "')";

  private static final String QUARTER =
      "date_bin(CAST('15 minutes' AS interval), e.created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')";

  @Inject TenantEntityManager entityManager;

  @Override
  public void lock() {
    entityManager
        .current()
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
        .setParameter(1, "analytics_rollup:" + entityManager.table("analytics_rollup"))
        .getSingleResult();
  }

  @Override
  public Optional<LastRollUp> lastRollUp() {
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT rolled_until, rolled_at FROM " + entityManager.table("analytics_rollup"))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(new LastRollUp(instant(row[0]), instant(row[1])));
  }

  @Override
  public Optional<Instant> firstEvent() {
    Object first =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT min(created_at) FROM " + entityManager.table("analytics_event"))
            .getSingleResult();
    return Optional.ofNullable(first).map(JpaAnalyticsRollups::instant);
  }

  @Override
  public boolean eventsSince(Instant since) {
    return !entityManager
        .current()
        .createNativeQuery(
            "SELECT 1 FROM "
                + entityManager.table("analytics_event")
                + " WHERE created_at >= ?1 LIMIT 1")
        .setParameter(1, utc(since))
        .getResultList()
        .isEmpty();
  }

  @Override
  public int rollUp(Instant from, Instant to, Instant rolledUntil) {
    OffsetDateTime start = utc(from);
    OffsetDateTime end = utc(to);
    String quarters = entityManager.table("analytics_quarter");
    String visitors = entityManager.table("analytics_visitor_quarter");
    String events = entityManager.table("analytics_event");
    update("DELETE FROM " + quarters + " WHERE quarter >= ?1 AND quarter < ?2", start, end);
    update("DELETE FROM " + visitors + " WHERE quarter >= ?1 AND quarter < ?2", start, end);
    int written =
        update(
            "INSERT INTO "
                + quarters
                + " (capsule_id, quarter, kind, detail, events) SELECT e.capsule_id, "
                + QUARTER
                + ", e.kind, CASE WHEN e.kind IN "
                + DETAILED
                + " THEN left(coalesce(e.detail, ''), 64) ELSE '' END, count(*) FROM "
                + events
                + " e WHERE e.created_at >= ?1 AND e.created_at < ?2 GROUP BY 1, 2, 3, 4",
            start,
            end);
    if (from.isBefore(to)) {
      sumDays(from, to, quarters);
    }
    written +=
        update(
            "INSERT INTO "
                + visitors
                + " (capsule_id, quarter, visitor) SELECT DISTINCT e.capsule_id, "
                + QUARTER
                + ", c.visitor_id FROM "
                + events
                + " e JOIN "
                + entityManager.table("conversation")
                + " c ON c.id = e.conversation_id WHERE e.created_at >= ?1 AND e.created_at < ?2"
                + " AND c.visitor_id IS NOT NULL",
            start,
            end);
    update(
        "INSERT INTO "
            + entityManager.table("analytics_rollup")
            + " (id, rolled_until, rolled_at) VALUES (true, ?1, now())"
            + " ON CONFLICT (id) DO UPDATE SET rolled_until = EXCLUDED.rolled_until,"
            + " rolled_at = EXCLUDED.rolled_at",
        utc(rolledUntil));
    return written;
  }

  /**
   * The UTC days the window {@code [from, to)} touches, summed again from all their quarters (a
   * window with nothing to count again, the common case, touches none).
   */
  private void sumDays(Instant from, Instant to, String quarters) {
    OffsetDateTime firstDay = utc(from).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    OffsetDateTime afterLastDay =
        utc(to.minusSeconds(1)).truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusDays(1);
    String days = entityManager.table("analytics_day");
    update(
        "DELETE FROM " + days + " WHERE day >= ?1 AND day < ?2",
        firstDay.toLocalDate(),
        afterLastDay.toLocalDate());
    update(
        "INSERT INTO "
            + days
            + " (capsule_id, day, kind, detail, events) SELECT capsule_id,"
            + " CAST(quarter AT TIME ZONE 'UTC' AS date), kind, detail, sum(events) FROM "
            + quarters
            + " WHERE quarter >= ?1 AND quarter < ?2 GROUP BY 1, 2, 3, 4",
        firstDay,
        afterLastDay);
  }

  @Override
  public void analyze() {
    update("ANALYZE " + entityManager.table("analytics_quarter"));
    update("ANALYZE " + entityManager.table("analytics_day"));
    update("ANALYZE " + entityManager.table("analytics_visitor_quarter"));
  }

  /**
   * Each day of the zone from the UTC day it mostly falls in (analytics_day), moved by the quarters
   * of the hours that belong to a neighbouring day ({@link UtcDaySplit}): in UTC no quarter is
   * read.
   */
  @Override
  public List<DayCount> days(Set<UUID> capsules, LocalDate from, LocalDate to, ZoneId zone) {
    Map<LocalDate, UtcDaySplit> splits = new HashMap<>();
    List<Instant> starts = new ArrayList<>();
    List<Instant> ends = new ArrayList<>();
    for (LocalDate day = from.minusDays(1); !day.isAfter(to.plusDays(1)); day = day.plusDays(1)) {
      UtcDaySplit split = UtcDaySplit.of(day, zone);
      splits.put(day, split);
      split
          .others()
          .forEach(
              p -> {
                starts.add(p.from());
                ends.add(p.to());
              });
    }
    Map<DayKey, Long> sums = new HashMap<>();
    List<?> daily =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT d.day, d.kind, d.detail, sum(d.events) FROM "
                    + entityManager.table("analytics_day")
                    + " d WHERE d.day >= ?1 AND d.day <= ?2"
                    + capsuleFilter("d")
                    + " GROUP BY 1, 2, 3")
            .setParameter(1, from.minusDays(1))
            .setParameter(2, to.plusDays(1))
            .setParameter(5, JpaPassageIndex.uuidArray(capsules))
            .getResultList();
    for (Object row : daily) {
      Object[] values = (Object[]) row;
      sums.merge(
          new DayKey(
              splits.get(localDate(values[0])).largest(), (String) values[1], (String) values[2]),
          ((Number) values[3]).longValue(),
          Long::sum);
    }
    if (!starts.isEmpty()) {
      List<?> moved =
          entityManager
              .current()
              .createNativeQuery(
                  "SELECT q.quarter, q.kind, q.detail, sum(q.events) FROM unnest(CAST(?1 AS"
                      + " timestamptz[]), CAST(?2 AS timestamptz[])) r(s, e) JOIN "
                      + entityManager.table("analytics_quarter")
                      + " q ON q.quarter >= r.s AND q.quarter < r.e WHERE true"
                      + capsuleFilter("q")
                      + " GROUP BY 1, 2, 3")
              .setParameter(1, instants(starts))
              .setParameter(2, instants(ends))
              .setParameter(5, JpaPassageIndex.uuidArray(capsules))
              .getResultList();
      for (Object row : moved) {
        Object[] values = (Object[]) row;
        Instant quarter = instant(values[0]);
        long events = ((Number) values[3]).longValue();
        LocalDate largest = splits.get(LocalDate.ofInstant(quarter, ZoneOffset.UTC)).largest();
        sums.merge(new DayKey(largest, (String) values[1], (String) values[2]), -events, Long::sum);
        sums.merge(
            new DayKey(LocalDate.ofInstant(quarter, zone), (String) values[1], (String) values[2]),
            events,
            Long::sum);
      }
    }
    List<DayCount> counts = new ArrayList<>();
    sums.forEach(
        (key, events) -> {
          if (events != 0 && !key.day().isBefore(from) && !key.day().isAfter(to)) {
            counts.add(new DayCount(key.day(), key.kind(), key.detail(), events));
          }
        });
    counts.sort(
        java.util.Comparator.comparing(DayCount::day)
            .thenComparing(DayCount::kind)
            .thenComparing(DayCount::detail));
    return counts;
  }

  private record DayKey(LocalDate day, String kind, String detail) {}

  /** A {@code timestamptz[]} literal. */
  private static String instants(List<Instant> instants) {
    return instants.stream()
        .map(Instant::toString)
        .collect(java.util.stream.Collectors.joining(",", "{", "}"));
  }

  @Override
  public long[] hours(Set<UUID> capsules, String kind, LocalDate from, LocalDate to, ZoneId zone) {
    Query query =
        ranged(
            "SELECT CAST(extract(hour FROM q.quarter AT TIME ZONE ?3) AS integer), sum(q.events)"
                + " FROM "
                + entityManager.table("analytics_quarter")
                + " q WHERE q.quarter >= ?1 AND q.quarter < ?2 AND q.kind = ?4"
                + capsuleFilter("q")
                + " GROUP BY 1",
            capsules,
            from,
            to,
            zone);
    query.setParameter(4, kind);
    long[] hours = new long[24];
    for (Object row : query.getResultList()) {
      Object[] values = (Object[]) row;
      hours[((Number) values[0]).intValue()] = ((Number) values[1]).longValue();
    }
    return hours;
  }

  @Override
  public VisitorCounts visitors(Set<UUID> capsules, LocalDate from, LocalDate to, ZoneId zone) {
    Query query =
        ranged(
            "SELECT CAST(v.quarter AT TIME ZONE ?3 AS date), count(DISTINCT v.visitor) FROM "
                + entityManager.table("analytics_visitor_quarter")
                + " v WHERE v.quarter >= ?1 AND v.quarter < ?2"
                + capsuleFilter("v")
                + " GROUP BY ROLLUP (1)",
            capsules,
            from,
            to,
            zone);
    List<DayVisitors> days = new ArrayList<>();
    long total = 0;
    for (Object row : query.getResultList()) {
      Object[] values = (Object[]) row;
      long visitors = ((Number) values[1]).longValue();
      if (values[0] == null) {
        total = visitors;
      } else {
        days.add(new DayVisitors(localDate(values[0]), visitors));
      }
    }
    return new VisitorCounts(days, total);
  }

  @Override
  public long visitorTotal(Set<UUID> capsules, LocalDate from, LocalDate to, ZoneId zone) {
    return ((Number)
            entityManager
                .current()
                .createNativeQuery(
                    "SELECT count(DISTINCT v.visitor) FROM "
                        + entityManager.table("analytics_visitor_quarter")
                        + " v WHERE v.quarter >= ?1 AND v.quarter < ?2"
                        + capsuleFilter("v"))
                .setParameter(1, utc(from.atStartOfDay(zone).toInstant()))
                .setParameter(2, utc(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .setParameter(5, JpaPassageIndex.uuidArray(capsules))
                .getSingleResult())
        .longValue();
  }

  /**
   * ?1 and ?2 the range's first and last instants (exclusive) in the zone, ?3 the zone, ?5 the
   * capsules.
   */
  private Query ranged(String sql, Set<UUID> capsules, LocalDate from, LocalDate to, ZoneId zone) {
    Query query =
        entityManager
            .current()
            .createNativeQuery(sql)
            .setParameter(1, utc(from.atStartOfDay(zone).toInstant()))
            .setParameter(2, utc(to.plusDays(1).atStartOfDay(zone).toInstant()))
            .setParameter(3, zone.getId())
            .setParameter(5, JpaPassageIndex.uuidArray(capsules));
    return query;
  }

  /** ?5 the capsules counted (an empty array counts none). */
  private static String capsuleFilter(String alias) {
    return " AND " + alias + ".capsule_id = ANY (CAST(?5 AS uuid[]))";
  }

  private int update(String sql, Object... values) {
    Query query = entityManager.current().createNativeQuery(sql);
    for (int i = 0; i < values.length; i++) {
      query.setParameter(i + 1, values[i]);
    }
    return query.executeUpdate();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(Object value) {
    return JpaConversationRepository.time(value).toInstant();
  }

  /** A {@code date} column as the driver hands it over. */
  private static LocalDate localDate(Object value) {
    return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
  }
}
