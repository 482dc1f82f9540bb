package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.analytics.CapsuleHealth;
import io.encaptio.domain.content.ContentItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * One query over the content items (failed, stale) and the question clusters' members of the last
 * 14 days (index question_cluster_member_asked, tenant migration V20).
 */
@ApplicationScoped
public class JpaCapsuleHealth implements CapsuleHealth {

  @Inject TenantEntityManager entityManager;

  @Override
  public List<Attention> needingAttention(Instant now, int max) {
    String sql =
        "WITH items AS (SELECT capsule_id, count(*) FILTER (WHERE stage = 'failed') AS failed,"
            + " count(*) FILTER (WHERE sync_failures >= ?3) AS stale FROM "
            + entityManager.table("content_item")
            + " GROUP BY capsule_id),"
            + " weeks AS (SELECT cluster_id, capsule_id,"
            + " count(*) FILTER (WHERE asked_at >= CAST(?1 AS timestamptz) - interval '7 days') AS last_week,"
            + " count(*) FILTER (WHERE asked_at < CAST(?1 AS timestamptz) - interval '7 days') AS week_before,"
            + " bool_or(NOT answered) FILTER (WHERE asked_at >= CAST(?1 AS timestamptz) - interval '7 days') AS gap"
            + " FROM "
            + entityManager.table("question_cluster_member")
            + " WHERE asked_at >= CAST(?1 AS timestamptz) - interval '14 days' AND asked_at < CAST(?1 AS timestamptz)"
            + " GROUP BY cluster_id, capsule_id),"
            + " rising AS (SELECT w.capsule_id, count(*) AS rising FROM weeks w JOIN "
            + entityManager.table("question_cluster")
            + " q ON q.id = w.cluster_id AND q.faq_item_id IS NULL AND q.dismissed_at IS NULL"
            + " WHERE w.last_week > w.week_before AND w.gap GROUP BY w.capsule_id)"
            + " SELECT c.id, c.name, coalesce(i.failed, 0), coalesce(i.stale, 0),"
            + " coalesce(r.rising, 0) FROM "
            + entityManager.table("capsule")
            + " c LEFT JOIN items i ON i.capsule_id = c.id LEFT JOIN rising r ON r.capsule_id = c.id"
            + " WHERE c.status <> 'deleted'"
            + " AND coalesce(i.failed, 0) + coalesce(i.stale, 0) + coalesce(r.rising, 0) > 0"
            + " ORDER BY coalesce(i.failed, 0) + coalesce(i.stale, 0) + coalesce(r.rising, 0) DESC,"
            + " c.name, c.id LIMIT ?2";
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery(sql)
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, max)
            .setParameter(3, ContentItem.STALE_AFTER)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            r ->
                new Attention(
                    (UUID) r[0],
                    (String) r[1],
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue()))
        .toList();
  }
}
