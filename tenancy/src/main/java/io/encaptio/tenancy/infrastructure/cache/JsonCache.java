package io.encaptio.tenancy.infrastructure.cache;

import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches.Sharing;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.cache.StorageType;

/**
 * A named Infinispan cache of values kept as JSON text, so entries cross the cluster with no
 * marshaller of their own; entries expire after {@code lifespan} and the least recently used go
 * first beyond {@code maxCount} (counted on each node).
 */
public final class JsonCache<T> {

  /** A lifespan for entries that never expire (the least recently used still go beyond max). */
  public static final long NEVER = -1;

  private static final Jsonb JSON = JsonbBuilder.create();

  private final Cache<String, String> cache;
  private final Class<T> type;

  public JsonCache(
      InfinispanCaches caches,
      String name,
      Sharing sharing,
      long lifespan,
      TimeUnit unit,
      long maxCount,
      Class<T> type) {
    this.type = type;
    ConfigurationBuilder configuration = new ConfigurationBuilder();
    configuration.expiration().lifespan(lifespan, unit);
    configuration.memory().storage(StorageType.HEAP).maxCount(maxCount);
    this.cache = caches.cache(name, sharing, configuration);
  }

  public Optional<T> get(String key) {
    String json = cache.get(key);
    return json == null ? Optional.empty() : Optional.of(JSON.fromJson(json, type));
  }

  public void put(String key, T value) {
    cache.put(key, JSON.toJson(value));
  }

  public void remove(String key) {
    cache.remove(key);
  }
}
