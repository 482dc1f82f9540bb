package io.encaptio.infrastructure.cache;

import io.encaptio.domain.capsule.VisitorAccess;
import io.encaptio.domain.capsule.VisitorAccessCache;
import io.encaptio.tenancy.context.TenantContext;
import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.cache.StorageType;

/**
 * Visitor access in an Infinispan cache, as JSON text (no marshaller needed once clustered), for 15
 * seconds at most: a change on this node is forgotten at once, one on another node is seen within
 * that time.
 */
@ApplicationScoped
public class InfinispanVisitorAccessCache implements VisitorAccessCache {

  static final String CACHE_NAME = "visitor-access";
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject InfinispanCaches caches;

  private Cache<String, String> access;

  @PostConstruct
  void start() {
    access =
        caches.cache(
            CACHE_NAME,
            new ConfigurationBuilder()
                .expiration()
                .lifespan(15, TimeUnit.SECONDS)
                .memory()
                .storage(StorageType.HEAP)
                .maxCount(100_000)
                .build());
  }

  @Override
  public Optional<VisitorAccess> get(UUID capsuleId) {
    String json = access.get(key(capsuleId));
    return json == null ? Optional.empty() : Optional.of(JSON.fromJson(json, VisitorAccess.class));
  }

  @Override
  public void put(UUID capsuleId, VisitorAccess visitorAccess) {
    access.put(key(capsuleId), JSON.toJson(visitorAccess));
  }

  @Override
  public void forget(UUID capsuleId) {
    access.remove(key(capsuleId));
  }

  private static String key(UUID capsuleId) {
    return TenantContext.current().schemaName().value() + "|" + capsuleId;
  }
}
