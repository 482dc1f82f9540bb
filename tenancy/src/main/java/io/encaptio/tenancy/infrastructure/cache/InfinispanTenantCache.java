package io.encaptio.tenancy.infrastructure.cache;

import io.encaptio.tenancy.application.PublicKeyCache;
import io.encaptio.tenancy.application.TenantCache;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches.Sharing;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/**
 * Tenant look-ups (by organization alias and by public key) in Infinispan caches of the node's
 * cache manager ({@link InfinispanCaches}), replicated over a cluster's nodes: a suspension or a
 * rotated key is forgotten on every node before the change returns.
 */
@ApplicationScoped
public class InfinispanTenantCache implements TenantCache, PublicKeyCache {

  static final String CACHE_NAME = "tenants-by-organization";
  static final String KEYS_CACHE_NAME = "tenants-by-public-key";

  @Inject InfinispanCaches caches;

  private JsonCache<TenantRef> cache;
  private JsonCache<Target> keys;

  @PostConstruct
  void start() {
    cache =
        new JsonCache<>(
            caches, CACHE_NAME, Sharing.REPLICATED, 10, TimeUnit.MINUTES, 10_000, TenantRef.class);
    keys =
        new JsonCache<>(
            caches,
            KEYS_CACHE_NAME,
            Sharing.REPLICATED,
            JsonCache.NEVER,
            TimeUnit.DAYS,
            100_000,
            Target.class);
  }

  /** For tests: the caches of a node started outside a container. */
  public static InfinispanTenantCache of(InfinispanCaches caches) {
    InfinispanTenantCache tenantCache = new InfinispanTenantCache();
    tenantCache.caches = caches;
    tenantCache.start();
    return tenantCache;
  }

  @Override
  public TenantRef get(String alias) {
    return cache.get(alias).orElse(null);
  }

  @Override
  public void put(String alias, TenantRef tenant) {
    cache.put(alias, tenant);
  }

  @Override
  public void remove(String alias) {
    cache.remove(alias);
  }

  @Override
  public Target target(String key) {
    return keys.get(key).orElse(null);
  }

  @Override
  public void remember(String key, Target target) {
    keys.put(key, target);
  }

  @Override
  public void forget(String key) {
    keys.remove(key);
  }
}
