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

  @Override
  public void add(AnalyticsEvent event) {
    entityManager.current().persist(event);
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
