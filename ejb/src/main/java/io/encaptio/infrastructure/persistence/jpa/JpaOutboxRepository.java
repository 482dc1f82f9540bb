package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.event.OutboxEvent;
import io.encaptio.domain.event.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

@ApplicationScoped
public class JpaOutboxRepository implements OutboxRepository {

  @Inject TenantEntityManager entityManager;

  @Override
  public void add(OutboxEvent event) {
    entityManager.current().persist(event);
  }

  @Override
  public List<OutboxEvent> latest(String kind, int max) {
    return entityManager
        .current()
        .createQuery(
            "select e from OutboxEvent e where e.kind = :kind order by e.createdAt desc, e.id",
            OutboxEvent.class)
        .setParameter("kind", kind)
        .setMaxResults(max)
        .getResultList();
  }
}
