package io.encaptio.infrastructure.persistence.jpa;

import jakarta.persistence.EntityManagerFactory;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * At most {@code most} entity manager factories, one per tenant schema, made on first use. Making
 * one more retires the least recently used: it is handed to {@code later}, which closes it once no
 * transaction can still be using it, and a retired tenant's next use makes a new factory.
 */
final class FactoryPool {

  private final int most;
  private final Function<String, EntityManagerFactory> make;
  private final Consumer<Runnable> later;
  private final Map<String, Used> factories = new ConcurrentHashMap<>();
  private final Set<EntityManagerFactory> retired = ConcurrentHashMap.newKeySet();

  /** A factory and when it was last asked for. */
  private static final class Used {
    final EntityManagerFactory factory;
    volatile long at = System.nanoTime();

    Used(EntityManagerFactory factory) {
      this.factory = factory;
    }
  }

  /**
   * @param most at least 1
   * @param make the factory of a schema
   * @param later runs a retired factory's closing when no transaction can still use it
   */
  FactoryPool(int most, Function<String, EntityManagerFactory> make, Consumer<Runnable> later) {
    if (most < 1) {
      throw new IllegalArgumentException("Keep at least one entity manager factory, not " + most);
    }
    this.most = most;
    this.make = make;
    this.later = later;
  }

  EntityManagerFactory of(String schema) {
    Used used = factories.get(schema);
    if (used == null) {
      used = factories.computeIfAbsent(schema, s -> new Used(make.apply(s)));
      if (factories.size() > most) {
        retireLeastRecentlyUsed(schema);
      }
    }
    used.at = System.nanoTime();
    return used.factory;
  }

  int size() {
    return factories.size();
  }

  /** A scan of at most {@code most} entries, and only when a factory was made. */
  private void retireLeastRecentlyUsed(String keep) {
    factories.entrySet().stream()
        .filter(e -> !e.getKey().equals(keep))
        .min(Comparator.comparingLong(e -> e.getValue().at))
        .filter(oldest -> factories.remove(oldest.getKey(), oldest.getValue()))
        .ifPresent(
            oldest -> {
              EntityManagerFactory factory = oldest.getValue().factory;
              retired.add(factory);
              later.accept(
                  () -> {
                    if (retired.remove(factory)) {
                      factory.close();
                    }
                  });
            });
  }

  /** Closes every factory now, the retired ones too: the application stops. */
  void closeAll() {
    factories.values().forEach(used -> used.factory.close());
    factories.clear();
    retired.forEach(EntityManagerFactory::close);
    retired.clear();
  }
}
