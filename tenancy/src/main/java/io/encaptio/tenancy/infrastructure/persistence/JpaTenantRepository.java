package io.encaptio.tenancy.infrastructure.persistence;

import io.encaptio.tenancy.domain.Tenant;
import io.encaptio.tenancy.domain.TenantQuery;
import io.encaptio.tenancy.domain.TenantRepository;
import io.encaptio.tenancy.domain.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

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
  public Optional<Tenant> findById(UUID id) {
    return Optional.ofNullable(em.find(Tenant.class, id));
  }

  @Override
  public List<Tenant> findAll() {
    return em.createQuery("select t from Tenant t order by t.slug", Tenant.class).getResultList();
  }

  @Override
  public void add(Tenant tenant) {
    em.persist(tenant);
  }

  @Override
  public void remove(Tenant tenant) {
    em.remove(tenant);
  }

  @Override
  public List<Tenant> search(TenantQuery query) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tenant> select = cb.createQuery(Tenant.class);
    Root<Tenant> tenant = select.from(Tenant.class);
    Path<Object> sortBy = tenant.get(query.sort().attribute());
    select
        .where(matching(cb, tenant, query))
        .orderBy(query.ascending() ? cb.asc(sortBy) : cb.desc(sortBy), cb.asc(tenant.get("slug")));
    return em.createQuery(select)
        .setFirstResult(query.first())
        .setMaxResults(query.max())
        .getResultList();
  }

  @Override
  public long count(TenantQuery query) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<Tenant> tenant = count.from(Tenant.class);
    count.select(cb.count(tenant)).where(matching(cb, tenant, query));
    return em.createQuery(count).getSingleResult();
  }

  private static Predicate[] matching(CriteriaBuilder cb, Root<Tenant> tenant, TenantQuery query) {
    List<Predicate> predicates = new ArrayList<>();
    if (query.text() != null) {
      String pattern = "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%";
      predicates.add(
          cb.or(
              cb.like(tenant.get("slug"), pattern, '\\'),
              cb.like(cb.lower(tenant.get("displayName")), pattern, '\\')));
    }
    if (query.status() != null) {
      predicates.add(cb.equal(tenant.get("status"), query.status().dbValue()));
    }
    return predicates.toArray(Predicate[]::new);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
