package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.SchemaName;
import io.encaptio.tenancy.domain.Tenant;
import io.encaptio.tenancy.domain.TenantRepository;
import io.encaptio.tenancy.domain.TenantSlug;
import io.encaptio.tenancy.domain.TenantStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Real {@link TenantResolver}s over in-memory stores, for tests outside the tenancy module. Lives
 * in the resolver's package because its collaborators are package-private fields.
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
    resolver.tenants = new MapTenantRepository(registered);
    MapTenantCache cache = new MapTenantCache();
    cached.forEach(tenant -> cache.put(tenant.slug(), tenant));
    resolver.cache = cache;
    return resolver;
  }

  private static final class MapTenantRepository implements TenantRepository {

    private final Map<String, Tenant> bySlug = new HashMap<>();

    MapTenantRepository(List<Tenant> tenants) {
      tenants.forEach(this::add);
    }

    @Override
    public Optional<Tenant> findBySlug(TenantSlug slug) {
      return Optional.ofNullable(bySlug.get(slug.value()));
    }

    @Override
    public List<Tenant> findAll() {
      return new ArrayList<>(bySlug.values());
    }

    @Override
    public void add(Tenant tenant) {
      bySlug.put(tenant.slug().value(), tenant);
    }
  }

  private static final class MapTenantCache implements TenantCache {

    private final Map<String, TenantRef> entries = new HashMap<>();

    @Override
    public TenantRef get(String alias) {
      return entries.get(alias);
    }

    @Override
    public void put(String alias, TenantRef tenant) {
      entries.put(alias, tenant);
    }

    @Override
    public void remove(String alias) {
      entries.remove(alias);
    }
  }
}
