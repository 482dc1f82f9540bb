package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.analytics.AnalyticsEvent;
import io.encaptio.domain.analytics.AnalyticsEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JpaAnalyticsEventRepository implements AnalyticsEventRepository {

  @Inject TenantEntityManager entityManager;

  /**
   * Events are only ever added, so as one INSERT; the optional ids are cast in SQL, since the ORM
   * binds a null UUID as text, which PostgreSQL does not turn into a uuid by itself.
   */
  @Override
  public void add(AnalyticsEvent event) {
    entityManager
        .current()
        .createNativeQuery(
            "INSERT INTO "
                + entityManager.table("analytics_event")
                + " (id, capsule_id, kind, conversation_id, message_id, detail, created_at)"
                + " VALUES (?1, ?2, ?3, CAST(?4 AS uuid), CAST(?5 AS uuid), ?6, ?7)")
        .setParameter(1, event.id())
        .setParameter(2, event.capsuleId())
        .setParameter(3, event.kind())
        .setParameter(4, event.conversationId() == null ? null : event.conversationId().toString())
        .setParameter(5, event.messageId() == null ? null : event.messageId().toString())
        .setParameter(6, event.detail())
        .setParameter(7, event.createdAt())
        .executeUpdate();
  }

  @Override
  public List<AnalyticsEvent> latest(UUID capsuleId, String kind, int max) {
    return entityManager
        .current()
        .createQuery(
            "select e from AnalyticsEvent e where e.capsuleId = :capsule and e.kind = :kind"
                + " order by e.createdAt desc, e.id",
            AnalyticsEvent.class)
        .setParameter("capsule", capsuleId)
        .setParameter("kind", kind)
        .setMaxResults(max)
        .getResultList();
  }
}
