package io.encaptio.tenancy.infrastructure.persistence;

import io.encaptio.tenancy.domain.Tenant;
import io.encaptio.tenancy.domain.TenantRepository;
import io.encaptio.tenancy.domain.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {

  @PersistenceContext(unitName = "platform")
  EntityManager em;

  @Override
  public Optional<Tenant> findBySlug(TenantSlug slug) {
    return em.createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
        .setParameter("slug", slug.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Tenant> findAll() {
    return em.createQuery("select t from Tenant t order by t.slug", Tenant.class).getResultList();
  }

  @Override
  public void add(Tenant tenant) {
    em.persist(tenant);
  }
}
