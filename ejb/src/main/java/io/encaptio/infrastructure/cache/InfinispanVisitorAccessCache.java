package io.encaptio.infrastructure.cache;

import io.encaptio.domain.capsule.VisitorAccess;
import io.encaptio.domain.capsule.VisitorAccessCache;
import io.encaptio.tenancy.context.TenantContext;
import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches;
import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches.Sharing;
import io.encaptio.tenancy.infrastructure.cache.JsonCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Visitor access in an Infinispan cache ({@link JsonCache}) for 15 seconds at most, replicated over
 * a cluster's nodes: a change is forgotten on every node before it returns.
 */
@ApplicationScoped
public class InfinispanVisitorAccessCache implements VisitorAccessCache {

  static final String CACHE_NAME = "visitor-access";

  @Inject InfinispanCaches caches;

  private JsonCache<VisitorAccess> access;

  @PostConstruct
  void start() {
    access =
        new JsonCache<>(
            caches,
            CACHE_NAME,
            Sharing.REPLICATED,
            15,
            TimeUnit.SECONDS,
            100_000,
            VisitorAccess.class);
  }

  @Override
  public Optional<VisitorAccess> get(UUID capsuleId) {
    return access.get(key(capsuleId));
  }

  @Override
  public void put(UUID capsuleId, VisitorAccess visitorAccess) {
    access.put(key(capsuleId), visitorAccess);
  }

  @Override
  public void forget(UUID capsuleId) {
    access.remove(key(capsuleId));
  }

  private static String key(UUID capsuleId) {
    return TenantContext.current().schemaName().value() + "|" + capsuleId;
  }
}
