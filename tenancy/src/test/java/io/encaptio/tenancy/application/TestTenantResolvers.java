package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.Tenant;
import io.encaptio.tenancy.domain.TenantSlug;
import java.util.List;

/**
 * Real {@link TenantResolver}s over in-memory stores, for tests in other modules (published in
 * tenancy's test jar). Lives in the resolver's package because its collaborators are
 * package-private fields.
 */
public final class TestTenantResolvers {

  private TestTenantResolvers() {}

  /** A tenant that completed provisioning. */
  public static Tenant active(String slug) {
    Tenant tenant = provisioning(slug);
    tenant.activate();
    return tenant;
  }

  /** A tenant whose schema is not migrated yet. */
  public static Tenant provisioning(String slug) {
    return Tenant.register(new TenantSlug(slug), slug, "org-" + slug, "starter");
  }

  /** A tenant an operator suspended. */
  public static Tenant suspended(String slug) {
    Tenant tenant = active(slug);
    tenant.suspend("Unpaid invoices");
    return tenant;
  }

  /** A resolver that knows exactly these registered tenants. */
  public static TenantResolver resolving(Tenant... registered) {
    return resolving(List.of(registered), List.of());
  }

  /** A resolver over registered tenants and tenants already in the cache. */
  public static TenantResolver resolving(List<Tenant> registered, List<TenantRef> cached) {
    TenantResolver resolver = new TenantResolver();
    resolver.tenants = new InMemoryTenantRepository().with(registered.toArray(Tenant[]::new));
    InMemoryTenantCache cache = new InMemoryTenantCache();
    cached.forEach(tenant -> cache.put(tenant.slug(), tenant));
    resolver.cache = cache;
    resolver.evictions = new Evictions();
    return resolver;
  }
}
