package io.encaptio.infrastructure.persistence.jpa;

import jakarta.persistence.EntityManagerFactory;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * At most {@code most} entity manager factories, one per tenant schema, made on first use. Making
 * one more retires the least recently used, which is closed as soon as no transaction holds a lease
 * on it: at once when none does, else when the last one ends. A retired tenant's next transaction
 * gets a new factory, so memory stays bounded by {@code most} plus the factories of transactions in
 * flight, and no transaction ever loses its factory.
 */
final class FactoryPool {

  /** A transaction's hold on a factory, released when the transaction ends. */
  interface Lease {
    EntityManagerFactory factory();

    void release();
  }

  private final int most;
  private final Function<String, EntityManagerFactory> make;
  private final Map<String, Pooled> factories = new ConcurrentHashMap<>();
  private final Set<Pooled> open = ConcurrentHashMap.newKeySet();

  /**
   * @param most at least 1
   * @param make the factory of a schema
   */
  FactoryPool(int most, Function<String, EntityManagerFactory> make) {
    if (most < 1) {
      throw new IllegalArgumentException("Keep at least one entity manager factory, not " + most);
    }
    this.most = most;
    this.make = make;
  }

  /** A lease on the schema's factory; never on a retired one. */
  Lease lease(String schema) {
    while (true) {
      Pooled pooled = factories.get(schema);
      if (pooled == null) {
        pooled = factories.computeIfAbsent(schema, this::pooled);
        if (factories.size() > most) {
          retireLeastRecentlyUsed(schema);
        }
      }
      pooled.leases.incrementAndGet();
      if (!pooled.retired) {
        pooled.at = System.nanoTime();
        return pooled;
      }
      pooled.release(); // retired between the look-up and the lease: take the new one
    }
  }

  int size() {
    return factories.size();
  }

  private Pooled pooled(String schema) {
    Pooled pooled = new Pooled(make.apply(schema));
    open.add(pooled);
    return pooled;
  }

  /** A scan of at most {@code most} entries, and only when a factory was made. */
  private void retireLeastRecentlyUsed(String keep) {
    factories.entrySet().stream()
        .filter(e -> !e.getKey().equals(keep))
        .min(Comparator.comparingLong(e -> e.getValue().at))
        .filter(oldest -> factories.remove(oldest.getKey(), oldest.getValue()))
        .ifPresent(oldest -> oldest.getValue().retire());
  }

  /** Closes every factory now, retired ones still leased too: the application stops. */
  void closeAll() {
    factories.clear();
    open.forEach(Pooled::close);
  }

  /**
   * A factory with its leases. Retiring sets {@code retired} before reading the leases and leasing
   * counts before reading {@code retired}, so one of the two always sees the other: a factory is
   * closed only with no lease on it, and a lease is only kept on a factory not retired.
   */
  private final class Pooled implements Lease {
    final EntityManagerFactory factory;
    final AtomicInteger leases = new AtomicInteger();
    final AtomicBoolean closed = new AtomicBoolean();
    volatile boolean retired;
    volatile long at = System.nanoTime();

    Pooled(EntityManagerFactory factory) {
      this.factory = factory;
    }

    @Override
    public EntityManagerFactory factory() {
      return factory;
    }

    @Override
    public void release() {
      if (leases.decrementAndGet() == 0 && retired) {
        close();
      }
    }

    void retire() {
      retired = true;
      if (leases.get() == 0) {
        close();
      }
    }

    void close() {
      if (closed.compareAndSet(false, true)) {
        open.remove(this);
        factory.close();
      }
    }
  }
}
