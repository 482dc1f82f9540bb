package io.encaptio.tenancy.infrastructure.persistence;

import io.encaptio.tenancy.domain.PublicKey;
import io.encaptio.tenancy.domain.PublicKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaPublicKeyRepository implements PublicKeyRepository {

  @PersistenceContext(unitName = "platform")
  EntityManager em;

  @Override
  public Optional<PublicKey> find(String value) {
    return Optional.ofNullable(em.find(PublicKey.class, value));
  }

  @Override
  public Optional<PublicKey> findByResource(UUID tenantId, UUID resourceId) {
    return em.createQuery(
            "select k from PublicKey k where k.tenantId = :tenant and k.resourceId = :resource",
            PublicKey.class)
        .setParameter("tenant", tenantId)
        .setParameter("resource", resourceId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(PublicKey key) {
    em.persist(key);
  }

  @Override
  public void remove(PublicKey key) {
    em.remove(key);
  }
}
