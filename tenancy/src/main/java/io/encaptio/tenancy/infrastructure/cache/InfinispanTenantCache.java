package io.encaptio.tenancy.infrastructure.cache;

import io.encaptio.tenancy.application.PublicKeyCache;
import io.encaptio.tenancy.application.TenantCache;
import io.encaptio.tenancy.application.TenantRef;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * Tenant look-ups (by organization alias and by public key) in embedded Infinispan caches. Local
 * mode for now; the cache manager is the one place that will switch to a clustered transport when
 * nodes form a cluster.
 */
@ApplicationScoped
public class InfinispanTenantCache implements TenantCache, PublicKeyCache {

  static final String CACHE_NAME = "tenants-by-organization";
  static final String KEYS_CACHE_NAME = "tenants-by-public-key";

  private EmbeddedCacheManager cacheManager;
  private Cache<String, TenantRef> cache;
  private Cache<String, Target> keys;

  @PostConstruct
  void start() {
    GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
    global.cacheManagerName("encaptio");
    global.jmx().disable();
    cacheManager = new DefaultCacheManager(global.build());
    cacheManager.defineConfiguration(
        CACHE_NAME,
        new ConfigurationBuilder()
            .expiration()
            .lifespan(10, TimeUnit.MINUTES)
            .memory()
            .maxCount(10_000)
            .build());
    cache = cacheManager.getCache(CACHE_NAME);
    cacheManager.defineConfiguration(
        KEYS_CACHE_NAME, new ConfigurationBuilder().memory().maxCount(100_000).build());
    keys = cacheManager.getCache(KEYS_CACHE_NAME);
  }

  @PreDestroy
  void stop() {
    if (cacheManager != null) {
      cacheManager.stop();
    }
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
