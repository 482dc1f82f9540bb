package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.analytics.AnalyticsEvent;
import io.encaptio.domain.analytics.AnalyticsRollups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
  public Optional<Instant> rolledUntil() {
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT rolled_until FROM " + entityManager.table("analytics_rollup"))
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(instant(rows.get(0)));
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

  @Override
  public void analyze() {
    update("ANALYZE " + entityManager.table("analytics_quarter"));
    update("ANALYZE " + entityManager.table("analytics_visitor_quarter"));
  }

  @Override
  public List<DayCount> days(Set<UUID> capsules, LocalDate from, LocalDate to, ZoneId zone) {
    Query query =
        ranged(
            "SELECT CAST(q.quarter AT TIME ZONE ?3 AS date) AS day, q.kind, q.detail,"
                + " sum(q.events) FROM "
                + entityManager.table("analytics_quarter")
                + " q WHERE q.quarter >= ?1 AND q.quarter < ?2"
                + capsuleFilter("q")
                + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
            capsules,
            from,
            to,
            zone);
    List<DayCount> counts = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] values = (Object[]) row;
      counts.add(
          new DayCount(
              localDate(values[0]),
              (String) values[1],
              (String) values[2],
              ((Number) values[3]).longValue()));
    }
    return counts;
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
  public List<DayVisitors> visitors(Set<UUID> capsules, LocalDate from, LocalDate to, ZoneId zone) {
    Query query =
        ranged(
            "SELECT CAST(v.quarter AT TIME ZONE ?3 AS date), count(DISTINCT v.visitor) FROM "
                + entityManager.table("analytics_visitor_quarter")
                + " v WHERE v.quarter >= ?1 AND v.quarter < ?2"
                + capsuleFilter("v")
                + " GROUP BY ROLLUP (1) ORDER BY 1 NULLS LAST",
            capsules,
            from,
            to,
            zone);
    List<DayVisitors> visitors = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] values = (Object[]) row;
      visitors.add(
          new DayVisitors(
              values[0] == null ? null : localDate(values[0]), ((Number) values[1]).longValue()));
    }
    return visitors;
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
