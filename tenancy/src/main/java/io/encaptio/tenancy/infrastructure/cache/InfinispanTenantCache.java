package io.encaptio.tenancy.infrastructure.cache;

import io.encaptio.tenancy.application.PublicKeyCache;
import io.encaptio.tenancy.application.TenantCache;
import io.encaptio.tenancy.application.TenantRef;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;

/**
 * Tenant look-ups (by organization alias and by public key) in embedded Infinispan caches of the
 * node's cache manager ({@link InfinispanCaches}).
 */
@ApplicationScoped
public class InfinispanTenantCache implements TenantCache, PublicKeyCache {

  static final String CACHE_NAME = "tenants-by-organization";
  static final String KEYS_CACHE_NAME = "tenants-by-public-key";

  @Inject InfinispanCaches caches;

  private Cache<String, TenantRef> cache;
  private Cache<String, Target> keys;

  @PostConstruct
  void start() {
    cache =
        caches.cache(
            CACHE_NAME,
            new ConfigurationBuilder()
                .expiration()
                .lifespan(10, TimeUnit.MINUTES)
                .memory()
                .maxCount(10_000)
                .build());
    keys =
        caches.cache(
            KEYS_CACHE_NAME, new ConfigurationBuilder().memory().maxCount(100_000).build());
  }

  @Override
  public TenantRef get(String alias) {
    return cache.get(alias);
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
    return keys.get(key);
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
