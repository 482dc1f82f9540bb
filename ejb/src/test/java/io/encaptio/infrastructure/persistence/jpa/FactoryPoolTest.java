package io.encaptio.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encaptio.infrastructure.persistence.jpa.FactoryPool.Lease;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which tenants keep their entity manager factory, and when a retired one is closed. */
class FactoryPoolTest {

  private final List<String> made = new ArrayList<>();
  private final List<String> closed = new ArrayList<>();
  private final Set<Object> closedFactories = Collections.newSetFromMap(new IdentityHashMap<>());

  /** A factory that only knows its schema and whether it was closed. */
  private synchronized EntityManagerFactory factory(String schema) {
    made.add(schema);
    return (EntityManagerFactory)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {EntityManagerFactory.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "close" -> {
                    synchronized (this) {
                      closed.add(schema);
                      closedFactories.add(proxy);
                    }
                    yield null;
                  }
                  case "toString" -> schema;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private final FactoryPool pool = new FactoryPool(2, this::factory);

  /** One transaction's use: lease, work, release. */
  private EntityManagerFactory used(String schema) {
    Lease lease = pool.lease(schema);
    lease.release();
    return lease.factory();
  }

  @Test
  void aTenantsFactoryIsMadeOnceAndKept() {
    EntityManagerFactory first = used("t_a");

    assertThat(used("t_a")).isSameAs(first);
    assertThat(made).containsExactly("t_a");
    assertThat(closed).isEmpty();
  }

  @Test
  void oneMoreThanTheMostRetiresTheLeastRecentlyUsedAndClosesItAtOnceWhenUnused() {
    used("t_a");
    used("t_b");
    used("t_a"); // t_b is now the least recently used

    used("t_c");

    assertThat(pool.size()).isEqualTo(2);
    assertThat(closed).containsExactly("t_b");
    used("t_a");
    assertThat(made).as("t_a kept its factory").containsExactly("t_a", "t_b", "t_c");
  }

  @Test
  void aRetiredFactoryStaysOpenUntilItsLastTransactionEnds() {
    Lease inFlight = pool.lease("t_a");
    Lease other = pool.lease("t_a");
    used("t_b");
    used("t_c"); // retires t_a, leased twice

    assertThat(closed).as("transactions still use it").isEmpty();
    other.release();
    assertThat(closed).isEmpty();
    inFlight.release();
    assertThat(closed).containsExactly("t_a");
    inFlight.release(); // a second release must not close it again
    assertThat(closed).containsExactly("t_a");
  }

  @Test
  void aRetiredTenantGetsANewFactoryOnItsNextUse() {
    EntityManagerFactory before = used("t_a");
    used("t_b");
    used("t_c"); // retires t_a

    EntityManagerFactory after = used("t_a");

    assertThat(after).isNotSameAs(before);
    assertThat(made).containsExactly("t_a", "t_b", "t_c", "t_a");
  }

  @Test
  void manyThreadsOverManyTenantsNeverLeaseAClosedFactory() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int worker = w;
      workers.add(
          threads.submit(
              () -> {
                int onClosed = 0;
                for (int i = 0; i < 5_000; i++) {
                  Lease lease = pool.lease("t_" + ((i + worker) % 7));
                  if (isClosed(lease.factory())) {
                    onClosed++;
                  }
                  Thread.yield(); // the transaction's work, while others retire factories
                  if (isClosed(lease.factory())) {
                    onClosed++;
                  }
                  lease.release();
                }
                return onClosed;
              }));
    }
    for (Future<Integer> worker : workers) {
      assertThat(worker.get(1, TimeUnit.MINUTES)).isZero();
    }
    threads.shutdown();

    pool.closeAll();
    synchronized (this) {
      assertThat(made).hasSizeGreaterThan(7);
      assertThat(closed).as("every factory made is closed, once").hasSameSizeAs(made);
      assertThat(closedFactories).hasSameSizeAs(made);
    }
  }

  private synchronized boolean isClosed(EntityManagerFactory factory) {
    return closedFactories.contains(factory);
  }

  @Test
  void stoppingClosesEveryFactoryTheLeasedRetiredOnesToo() {
    Lease inFlight = pool.lease("t_a");
    used("t_b");
    used("t_c"); // retires t_a, still leased

    pool.closeAll();

    assertThat(closed).containsExactlyInAnyOrder("t_a", "t_b", "t_c");
    inFlight.release();
    assertThat(closed).as("none closed twice").hasSize(3);
  }

  @Test
  void keepingNoFactoryIsRefused() {
    assertThatThrownBy(() -> new FactoryPool(0, this::factory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
  }
}
