package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.TenantRepository;
import io.encaptio.tenancy.domain.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Finds the tenant behind a verified organization claim. Look-ups go through an Infinispan cache
 * because every portal and API request needs one; the registry evicts entries when it changes.
 */
@ApplicationScoped
public class TenantResolver {

  @Inject TenantRepository tenants;
  @Inject TenantCache cache;
  @Inject Evictions evictions;

  /** The tenant of an organization alias, or empty if the alias is malformed or unregistered. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<TenantRef> byOrganizationAlias(String alias) {
    if (alias == null) {
      return Optional.empty();
    }
    TenantRef cached = cache.get(alias);
    if (cached != null) {
      return Optional.of(cached);
    }
    TenantSlug slug;
    try {
      slug = new TenantSlug(alias);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
    Optional<TenantRef> found = tenants.findBySlug(slug).map(TenantRef::of);
    found.ifPresent(tenant -> cache.put(alias, tenant));
    return found;
  }

  /** Forgets the alias's look-up now and once the change's transaction has ended. */
  void evict(String alias) {
    evictions.evict(() -> cache.remove(alias));
  }

  /**
   * Forgets the alias's look-up on every node: a request found that what it held no longer holds
   * (the tenant's schema moved to another server), so the next one reads the registry.
   */
  public void forget(String alias) {
    cache.remove(alias);
  }
}
