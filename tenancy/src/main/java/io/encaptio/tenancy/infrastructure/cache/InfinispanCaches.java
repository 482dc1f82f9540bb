package io.encaptio.tenancy.infrastructure.cache;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.Configuration;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.counter.EmbeddedCounterManagerFactory;
import org.infinispan.counter.api.CounterManager;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * The node's one Infinispan cache manager, shared by every cache of the application (tenant
 * look-ups here, answers and visitor access rules in the ejb module) and every counter (rate
 * limits). It is local: no node sees another's caches or counters. This is the one place that will
 * switch to a clustered transport when nodes form a cluster.
 */
@ApplicationScoped
public class InfinispanCaches {

  private EmbeddedCacheManager cacheManager;

  @PostConstruct
  void start() {
    GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
    global.cacheManagerName("encaptio");
    global.jmx().disable();
    cacheManager = new DefaultCacheManager(global.build());
  }

  @PreDestroy
  void stop() {
    if (cacheManager != null) {
      cacheManager.stop();
    }
  }

  /** The named cache, defined with {@code configuration} the first time it is asked for. */
  public synchronized <K, V> Cache<K, V> cache(String name, Configuration configuration) {
    if (!cacheManager.cacheExists(name) && cacheManager.getCacheConfiguration(name) == null) {
      cacheManager.defineConfiguration(name, configuration);
    }
    return cacheManager.getCache(name);
  }

  /** The node's counters (Infinispan's clustered-counter API, on this local cache manager). */
  public CounterManager counters() {
    return EmbeddedCounterManagerFactory.asCounterManager(cacheManager);
  }
}
