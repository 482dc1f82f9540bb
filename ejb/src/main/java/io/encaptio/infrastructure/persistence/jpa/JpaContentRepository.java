package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.content.ContentItem;
import io.encaptio.domain.content.ContentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JpaContentRepository implements ContentRepository {

  @Inject TenantEntityManager entityManager;

  @Override
  public void add(ContentItem item) {
    entityManager.current().persist(item);
  }

  @Override
  public List<ContentItem> ofCapsule(UUID capsuleId) {
    return entityManager
        .current()
        .createQuery(
            "select i from ContentItem i where i.capsuleId = :capsule order by i.createdAt, i.id",
            ContentItem.class)
        .setParameter("capsule", capsuleId)
        .getResultList();
  }

  @Override
  public int countOfCapsule(UUID capsuleId) {
    return entityManager
        .current()
        .createQuery("select count(i) from ContentItem i where i.capsuleId = :capsule", Long.class)
        .setParameter("capsule", capsuleId)
        .getSingleResult()
        .intValue();
  }
}
