package io.encaptio.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tenants keep their entity manager factory, and when a retired one is closed. */
class FactoryPoolTest {

  private final List<String> made = new ArrayList<>();
  private final List<String> closed = new ArrayList<>();
  private final List<Runnable> closingLater = new ArrayList<>();

  /** A factory that only knows its schema and whether it was closed. */
  private EntityManagerFactory factory(String schema) {
    made.add(schema);
    return (EntityManagerFactory)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {EntityManagerFactory.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "close" -> {
                    closed.add(schema);
                    yield null;
                  }
                  case "toString" -> schema;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private final FactoryPool pool = new FactoryPool(2, this::factory, closingLater::add);

  @Test
  void aTenantsFactoryIsMadeOnceAndKept() {
    EntityManagerFactory first = pool.of("t_a");

    assertThat(pool.of("t_a")).isSameAs(first);
    assertThat(made).containsExactly("t_a");
  }

  @Test
  void oneMoreThanTheMostRetiresTheLeastRecentlyUsedAndClosesItOnlyLater() {
    pool.of("t_a");
    pool.of("t_b");
    pool.of("t_a"); // t_b is now the least recently used

    pool.of("t_c");

    assertThat(pool.size()).isEqualTo(2);
    assertThat(closed).as("not while a transaction may still use it").isEmpty();
    assertThat(closingLater).hasSize(1);
    closingLater.get(0).run();
    assertThat(closed).containsExactly("t_b");
    pool.of("t_a");
    assertThat(made).as("t_a kept its factory").containsExactly("t_a", "t_b", "t_c");
  }

  @Test
  void aRetiredTenantGetsANewFactoryOnItsNextUse() {
    EntityManagerFactory before = pool.of("t_a");
    pool.of("t_b");
    pool.of("t_c"); // retires t_a

    EntityManagerFactory after = pool.of("t_a");

    assertThat(after).isNotSameAs(before);
    assertThat(made).containsExactly("t_a", "t_b", "t_c", "t_a");
  }

  @Test
  void stoppingClosesEveryFactoryTheRetiredOnesToo() {
    pool.of("t_a");
    pool.of("t_b");
    pool.of("t_c");

    pool.closeAll();

    assertThat(closed).containsExactlyInAnyOrder("t_a", "t_b", "t_c");
    closingLater.forEach(Runnable::run);
    assertThat(closed).as("none closed twice").hasSize(3);
  }

  @Test
  void keepingNoFactoryIsRefused() {
    assertThatThrownBy(() -> new FactoryPool(0, this::factory, closingLater::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
  }
}
