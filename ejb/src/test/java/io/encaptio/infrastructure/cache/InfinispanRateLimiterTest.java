package io.encaptio.infrastructure.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.encaptio.application.RateLimiter;
import io.encaptio.tenancy.infrastructure.cache.LoopbackCluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.counter.EmbeddedCounterManagerFactory;
import org.infinispan.counter.api.CounterManager;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against real Infinispan counters (a cache manager of the test's own), with a clock it moves. */
class InfinispanRateLimiterTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private DefaultCacheManager cacheManager;
  private CounterManager counters;
  private Instant now = Instant.parse("2026-11-26T10:00:15Z");

  @BeforeEach
  void start() {
    GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
    global.jmx().disable();
    cacheManager = new DefaultCacheManager(global.build());
    counters = EmbeddedCounterManagerFactory.asCounterManager(cacheManager);
  }

  @AfterEach
  void stop() {
    cacheManager.stop();
  }

  private RateLimiter limiter() {
    return limiter(counters);
  }

  private RateLimiter limiter(CounterManager counters) {
    return InfinispanRateLimiter.of(
        counters,
        new Clock() {
          @Override
          public Instant instant() {
            return now;
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        });
  }

  @Test
  void theCallAfterTheLimitIsRefusedUntilTheWindowEnds() {
    RateLimiter limiter = limiter();
    for (int i = 1; i <= 3; i++) {
      assertThat(limiter.acquire("visitor|a", 3, MINUTE).allowed()).as("call %d", i).isTrue();
    }
    RateLimiter.Decision fourth = limiter.acquire("visitor|a", 3, MINUTE);
    assertThat(fourth.allowed()).isFalse();
    assertThat(fourth.count()).isEqualTo(4);
    assertThat(fourth.retryAfterSeconds()).isEqualTo(45); // 10:00:15 → 10:01:00

    now = now.plusSeconds(45);
    assertThat(limiter.acquire("visitor|a", 3, MINUTE).allowed()).isTrue();
  }

  @Test
  void twoNodesOfOneClusterRefuseTheCallAfterTheLimitWhicheverServesIt() {
    // two cache managers joined over JGroups TCP on 127.0.0.1, as two Liberty nodes form it
    try (LoopbackCluster cluster = LoopbackCluster.of(2)) {
      RateLimiter a = limiter(cluster.node(0).counters());
      RateLimiter b = limiter(cluster.node(1).counters());
      Random random = new Random();
      for (int i = 1; i <= 10; i++) {
        RateLimiter node = random.nextBoolean() ? a : b;
        RateLimiter.Decision decision = node.acquire("visitor|shared", 10, MINUTE);
        assertThat(decision.allowed()).as("call %d", i).isTrue();
        assertThat(decision.count()).as("call %d counted once for both nodes", i).isEqualTo(i);
      }
      assertThat(a.acquire("visitor|shared", 10, MINUTE).allowed()).isFalse();
      assertThat(b.acquire("visitor|shared", 10, MINUTE).allowed()).isFalse();
      assertThat(b.acquire("visitor|other", 10, MINUTE).count()).isEqualTo(1);
    }
  }

  @Test
  void keysAreCountedApart() {
    RateLimiter limiter = limiter();
    assertThat(limiter.acquire("visitor|a", 1, MINUTE).allowed()).isTrue();
    assertThat(limiter.acquire("visitor|a", 1, MINUTE).allowed()).isFalse();
    assertThat(limiter.acquire("visitor|b", 1, MINUTE).allowed()).isTrue();
  }

  @Test
  void countersOfEndedWindowsAreRemoved() {
    RateLimiter limiter = limiter();
    limiter.acquire("visitor|a", 5, MINUTE);
    assertThat(counters.getCounterNames()).hasSize(1);
    now = now.plus(Duration.ofMinutes(3));
    limiter.acquire("visitor|a", 5, MINUTE);
    assertThat(counters.getCounterNames()).hasSize(1).allMatch(n -> n.endsWith("|" + 29_928_123L));
  }
}
