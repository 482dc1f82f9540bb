package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.Tenant;
import io.encaptio.tenancy.domain.TenantQuery;
import io.encaptio.tenancy.domain.TenantRepository;
import io.encaptio.tenancy.domain.TenantSlug;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The platform table as a map; like the unique index on slug, it refuses a second tenant. */
class InMemoryTenantRepository implements TenantRepository {

  private final Map<String, Tenant> bySlug = new LinkedHashMap<>();
  int lookups;

  InMemoryTenantRepository with(Tenant... tenants) {
    for (Tenant tenant : tenants) {
      add(tenant);
    }
    return this;
  }

  @Override
  public Optional<Tenant> findBySlug(TenantSlug slug) {
    lookups++;
    return Optional.ofNullable(bySlug.get(slug.value()));
  }

  @Override
  public Optional<Tenant> findById(UUID id) {
    return bySlug.values().stream().filter(t -> t.id().equals(id)).findFirst();
  }

  @Override
  public List<Tenant> findAll() {
    return new ArrayList<>(bySlug.values());
  }

  @Override
  public void add(Tenant tenant) {
    if (bySlug.putIfAbsent(tenant.slug().value(), tenant) != null) {
      throw new IllegalStateException("duplicate slug " + tenant.slug());
    }
  }

  @Override
  public void remove(Tenant tenant) {
    bySlug.remove(tenant.slug().value());
  }

  @Override
  public List<Tenant> search(TenantQuery query) {
    return matching(query).skip(query.first()).limit(query.max()).toList();
  }

  @Override
  public long count(TenantQuery query) {
    return matching(query).count();
  }

  private java.util.stream.Stream<Tenant> matching(TenantQuery query) {
    return bySlug.values().stream()
        .filter(t -> query.status() == null || t.status() == query.status())
        .filter(
            t ->
                query.text() == null
                    || t.slug().value().contains(query.text())
                    || t.displayName().toLowerCase().contains(query.text().toLowerCase()))
        .sorted(java.util.Comparator.comparing((Tenant t) -> t.slug().value()));
  }
}
