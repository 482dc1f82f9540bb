package io.encaptio.tenancy.infrastructure.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encaptio.tenancy.application.PublicKeyCache.Target;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.domain.SchemaName;
import io.encaptio.tenancy.domain.TenantStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.infinispan.counter.api.CounterConfiguration;
import org.infinispan.counter.api.CounterType;
import org.infinispan.counter.api.StrongCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Infinispan nodes in one cluster over JGroups TCP on 127.0.0.1, as two Liberty nodes on one
 * machine form it: the tenant caches and a strong counter, read and written from both.
 */
class InfinispanClusterTest {

  private static LoopbackCluster cluster;
  private static InfinispanTenantCache a;
  private static InfinispanTenantCache b;

  @BeforeAll
  static void twoNodes() {
    cluster = LoopbackCluster.of(2);
    a = InfinispanTenantCache.of(cluster.node(0));
    b = InfinispanTenantCache.of(cluster.node(1));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static TenantRef tenant(TenantStatus status) {
    UUID id = UUID.randomUUID();
    return new TenantRef(
        id,
        "acme-" + id,
        "Acme & Co",
        SchemaName.forTenant(id),
        status,
        null,
        "starter",
        "main",
        null);
  }

  @Test
  void bothNodesSeeOneClusterOfTwo() {
    assertThat(cluster.node(0).clustered()).isTrue();
    assertThat(cluster.node(0).members())
        .containsExactlyInAnyOrderElementsOf(cluster.node(1).members())
        .hasSize(2)
        .contains(cluster.node(0).self(), cluster.node(1).self());
  }

  @Test
  void aTenantCachedOnOneNodeIsReadOnTheOtherWhole() {
    TenantRef acme = tenant(TenantStatus.ACTIVE);
    a.put(acme.slug(), acme);
    assertThat(b.get(acme.slug())).isEqualTo(acme);
  }

  @Test
  void aTenantForgottenOnOneNodeIsGoneOnTheOtherWhenTheRemovalReturns() {
    // a suspension on node A evicts the tenant; node B's next request must not find it cached
    TenantRef acme = tenant(TenantStatus.ACTIVE);
    b.put(acme.slug(), acme);
    assertThat(a.get(acme.slug())).isEqualTo(acme);
    a.remove(acme.slug());
    assertThat(b.get(acme.slug())).isNull();
    TenantRef suspended = tenant(TenantStatus.SUSPENDED);
    a.put(acme.slug(), suspended);
    assertThat(b.get(acme.slug())).isEqualTo(suspended);
  }

  @Test
  void aForgottenPublicKeyIsGoneOnEveryNode() {
    Target target = new Target(UUID.randomUUID(), "acme", UUID.randomUUID());
    a.remember("pk_live_1", target);
    assertThat(b.target("pk_live_1")).isEqualTo(target);
    b.forget("pk_live_1");
    assertThat(a.target("pk_live_1")).isNull();
  }

  @Test
  void aStrongCounterCountsEveryIncrementOfBothNodesOnce() throws Exception {
    String name = "count-" + UUID.randomUUID();
    cluster
        .node(0)
        .counters()
        .defineCounter(name, CounterConfiguration.builder(CounterType.UNBOUNDED_STRONG).build());
    StrongCounter onA = cluster.node(0).counters().getStrongCounter(name);
    StrongCounter onB = cluster.node(1).counters().getStrongCounter(name);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Long>> calls = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        StrongCounter counter = i % 2 == 0 ? onA : onB;
        calls.add(() -> counter.incrementAndGet().get());
      }
      List<Long> seen = new ArrayList<>();
      for (Future<Long> result : pool.invokeAll(calls)) {
        seen.add(result.get());
      }
      // every increment saw a value no other saw: 1..400, none twice, none lost
      assertThat(seen).doesNotHaveDuplicates().hasSize(400).allMatch(v -> v >= 1 && v <= 400);
      assertThat(onB.getValue().get()).isEqualTo(400);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void discoveryIsCheckedWhenConfigured() {
    assertThatThrownBy(() -> ClusterSettings.of("multicast", "x", "", 7800, "", ""))
        .hasMessageContaining("takes none, static or dns");
    assertThatThrownBy(() -> ClusterSettings.of("static", "x", "", 7800, " ", ""))
        .hasMessageContaining("host[port]");
    assertThatThrownBy(() -> ClusterSettings.of("dns", "x", "", 7800, "", ""))
        .hasMessageContaining("headless Service");
    assertThatThrownBy(
            () ->
                InfinispanCaches.start(
                    ClusterSettings.of("static", "x", "127.0.0.1", 7800, "node-a:7800", "")))
        .hasMessageContaining("write each member as host[port]");
    assertThat(ClusterSettings.of("NONE", "x", " ", 7800, " ", " ").clustered()).isFalse();
  }
}
