package io.encaptio.infrastructure.cache;

import io.encaptio.domain.ai.AnswerCache;
import io.encaptio.domain.ai.CachedAnswer;
import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.cache.StorageType;

/**
 * Answers in an Infinispan cache, stored as JSON text so that entries need no marshaller of their
 * own when the cache is clustered. Entries live a day at most and the cache holds at most 50,000,
 * the least recently used going first; keys already name the version and index generation, so
 * expiry only frees memory.
 */
@ApplicationScoped
public class InfinispanAnswerCache implements AnswerCache {

  static final String CACHE_NAME = "answers";
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject InfinispanCaches caches;

  private Cache<String, String> answers;

  @PostConstruct
  void start() {
    answers =
        caches.cache(
            CACHE_NAME,
            new ConfigurationBuilder()
                .expiration()
                .lifespan(1, TimeUnit.DAYS)
                .memory()
                .storage(StorageType.HEAP)
                .maxCount(50_000)
                .build());
  }

  @Override
  public Optional<CachedAnswer> get(String key) {
    String json = answers.get(key);
    return json == null ? Optional.empty() : Optional.of(JSON.fromJson(json, CachedAnswer.class));
  }

  @Override
  public void put(String key, CachedAnswer answer) {
    answers.put(key, JSON.toJson(answer));
  }
}
