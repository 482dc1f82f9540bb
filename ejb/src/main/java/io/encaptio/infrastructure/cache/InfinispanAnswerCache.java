package io.encaptio.infrastructure.cache;

import io.encaptio.domain.ai.AnswerCache;
import io.encaptio.domain.ai.CachedAnswer;
import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches;
import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches.Sharing;
import io.encaptio.tenancy.infrastructure.cache.JsonCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Answers in an Infinispan cache ({@link JsonCache}), distributed over a cluster's nodes, so an
 * answer made on one node is found by the others. Entries live a day at most and the cache holds at
 * most 50,000; keys already name the version and index generation, so expiry only frees memory.
 */
@ApplicationScoped
public class InfinispanAnswerCache implements AnswerCache {

  static final String CACHE_NAME = "answers";

  @Inject InfinispanCaches caches;

  private JsonCache<CachedAnswer> answers;

  @PostConstruct
  void start() {
    answers =
        new JsonCache<>(
            caches, CACHE_NAME, Sharing.DISTRIBUTED, 1, TimeUnit.DAYS, 50_000, CachedAnswer.class);
  }

  @Override
  public Optional<CachedAnswer> get(String key) {
    return answers.get(key);
  }

  @Override
  public void put(String key, CachedAnswer answer) {
    answers.put(key, answer);
  }
}
