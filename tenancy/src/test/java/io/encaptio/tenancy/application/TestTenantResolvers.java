package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.SchemaName;
import io.encaptio.tenancy.domain.Tenant;
import io.encaptio.tenancy.domain.TenantSlug;
import io.encaptio.tenancy.domain.TenantStatus;
import java.util.List;
import java.util.UUID;

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

  /**
   * A suspended tenant as another node put it in the shared cache. {@link Tenant} has no way to
   * suspend yet, so this is the only way a unit test can see one.
   */
  public static TenantRef suspended(String slug) {
    UUID id = UUID.randomUUID();
    return new TenantRef(id, slug, slug, SchemaName.forTenant(id), TenantStatus.SUSPENDED);
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
    return resolver;
  }
}
