package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.capsule.Capsule;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.capsule.CapsuleStatus;
import io.encaptio.domain.capsule.CapsuleVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaCapsuleRepository implements CapsuleRepository {

  private static final String NOT_DELETED = "c.status <> 'deleted'";

  @Inject TenantEntityManager entityManager;

  @Override
  public Optional<Capsule> find(UUID id) {
    return Optional.ofNullable(entityManager.current().find(Capsule.class, id))
        .filter(c -> c.status() != CapsuleStatus.DELETED);
  }

  @Override
  public List<Capsule> page(int first, int max) {
    return entityManager
        .current()
        .createQuery(
            "select c from Capsule c where " + NOT_DELETED + " order by c.createdAt desc, c.id",
            Capsule.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public long count() {
    return entityManager
        .current()
        .createQuery("select count(c) from Capsule c where " + NOT_DELETED, Long.class)
        .getSingleResult();
  }

  @Override
  public void add(Capsule capsule) {
    entityManager.current().persist(capsule);
  }

  @Override
  public void addVersion(CapsuleVersion version) {
    entityManager.current().persist(version);
  }

  @Override
  public List<CapsuleVersion> versions(UUID capsuleId) {
    return entityManager
        .current()
        .createQuery(
            "select v from CapsuleVersion v where v.capsuleId = :capsule order by v.number desc",
            CapsuleVersion.class)
        .setParameter("capsule", capsuleId)
        .getResultList();
  }

  @Override
  public Optional<CapsuleVersion> version(UUID capsuleId, int number) {
    return entityManager
        .current()
        .createQuery(
            "select v from CapsuleVersion v where v.capsuleId = :capsule and v.number = :number",
            CapsuleVersion.class)
        .setParameter("capsule", capsuleId)
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }
}
