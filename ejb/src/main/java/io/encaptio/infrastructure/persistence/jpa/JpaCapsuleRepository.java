package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.capsule.Capsule;
import io.encaptio.domain.capsule.CapsuleAsset;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.capsule.CapsuleStatus;
import io.encaptio.domain.capsule.CapsuleVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
  public List<UUID> ids() {
    return entityManager
        .current()
        .createQuery("select c.id from Capsule c where " + NOT_DELETED, UUID.class)
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
  public Optional<Capsule> findDeleted(UUID id) {
    return Optional.ofNullable(entityManager.current().find(Capsule.class, id))
        .filter(c -> c.status() == CapsuleStatus.DELETED);
  }

  /** The routing is JSON text: a model's id appears in it exactly when a chain names it. */
  @Override
  public List<String> namesAnsweringWith(UUID chatModelId) {
    return entityManager
        .current()
        .createNativeQuery(
            "SELECT name FROM "
                + entityManager.table("capsule")
                + " WHERE status <> 'deleted' AND strpos(model_routing, ?) > 0 ORDER BY name")
        .setParameter(1, chatModelId.toString())
        .getResultList()
        .stream()
        .map(String.class::cast)
        .toList();
  }

  @Override
  public void addAsset(CapsuleAsset asset) {
    EntityManager em = entityManager.current();
    em.flush(); // a new capsule's row first: the asset refers to it
    em.createNativeQuery(
            "INSERT INTO "
                + entityManager.table("capsule_asset")
                + " (id, capsule_id, kind, media_type, bytes) VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, asset.id())
        .setParameter(2, asset.capsuleId())
        .setParameter(3, asset.kind())
        .setParameter(4, asset.mediaType())
        .setParameter(5, asset.bytes())
        .executeUpdate();
  }

  @Override
  public Optional<CapsuleAsset> asset(UUID capsuleId, UUID assetId) {
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT kind, media_type, bytes FROM "
                    + entityManager.table("capsule_asset")
                    + " WHERE id = ? AND capsule_id = ?")
            .setParameter(1, assetId)
            .setParameter(2, capsuleId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(
        new CapsuleAsset(assetId, capsuleId, (String) row[0], (String) row[1], (byte[]) row[2]));
  }

  @Override
  public void remove(Capsule capsule) {
    // versions, content items, their files and chunks go with it (ON DELETE CASCADE)
    entityManager.current().remove(capsule);
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
