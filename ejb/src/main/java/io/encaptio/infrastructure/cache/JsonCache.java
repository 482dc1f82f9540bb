package io.encaptio.infrastructure.cache;

import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.cache.StorageType;

/**
 * A named Infinispan cache of values kept as JSON text, so entries will need no marshaller of their
 * own once the cache is clustered (it is local today); entries expire after {@code lifespan} and
 * the least recently used go first beyond {@code maxCount}.
 */
final class JsonCache<T> {

  private static final Jsonb JSON = JsonbBuilder.create();

  private final Cache<String, String> cache;
  private final Class<T> type;

  JsonCache(
      InfinispanCaches caches,
      String name,
      long lifespan,
      TimeUnit unit,
      long maxCount,
      Class<T> type) {
    this.type = type;
    this.cache =
        caches.cache(
            name,
            new ConfigurationBuilder()
                .expiration()
                .lifespan(lifespan, unit)
                .memory()
                .storage(StorageType.HEAP)
                .maxCount(maxCount)
                .build());
  }

  Optional<T> get(String key) {
    String json = cache.get(key);
    return json == null ? Optional.empty() : Optional.of(JSON.fromJson(json, type));
  }

  void put(String key, T value) {
    cache.put(key, JSON.toJson(value));
  }

  void remove(String key) {
    cache.remove(key);
  }
}
