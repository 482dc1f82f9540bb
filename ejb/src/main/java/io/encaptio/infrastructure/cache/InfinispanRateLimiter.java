package io.encaptio.infrastructure.cache;

import io.encaptio.application.RateLimiter;
import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.infinispan.counter.api.CounterConfiguration;
import org.infinispan.counter.api.CounterManager;
import org.infinispan.counter.api.CounterType;
import org.infinispan.counter.api.Storage;

/**
 * Fixed-window rate limits on Infinispan's counter API: one strong counter per limited key and
 * window (windows are aligned to the clock), expiring with its window; a counter's definition is
 * removed by the node that defined it once its window is over. If the counters cannot answer in
 * time the call is let through and logged. On a cluster ({@link InfinispanCaches} with discovery
 * configured) the counters are the cluster's: a limit is reached at the same total whichever nodes
 * serve the calls; a node of its own counts only its calls.
 */
@ApplicationScoped
public class InfinispanRateLimiter implements RateLimiter {

  private static final Logger LOG = Logger.getLogger(InfinispanRateLimiter.class.getName());
  private static final long ANSWER_WITHIN_MILLIS = 500;

  private record Defined(String name, long expiresAtMillis) {}

  @Inject InfinispanCaches caches;

  private CounterManager counters;
  private final Queue<Defined> defined = new ConcurrentLinkedQueue<>();
  private Clock clock = Clock.systemUTC();

  @PostConstruct
  void start() {
    counters = caches.counters();
  }

  /** For tests: counters of a cache manager of their own, and their clock. */
  static InfinispanRateLimiter of(CounterManager counters, Clock clock) {
    InfinispanRateLimiter limiter = new InfinispanRateLimiter();
    limiter.counters = counters;
    limiter.clock = clock;
    return limiter;
  }

  @Override
  public Decision acquire(String key, int limit, Duration window) {
    long now = clock.millis();
    long windowMillis = window.toMillis();
    long index = now / windowMillis;
    long ends = (index + 1) * windowMillis;
    String name = "rate|" + key + "|" + windowMillis + "|" + index;
    forgetEnded(now);
    if (!counters.isDefined(name)) {
      boolean created =
          counters.defineCounter(
              name,
              CounterConfiguration.builder(CounterType.UNBOUNDED_STRONG)
                  .storage(Storage.VOLATILE)
                  .lifespan(ends - now + windowMillis)
                  .build());
      if (created) {
        defined.add(new Defined(name, ends + windowMillis));
      }
    }
    long count;
    try {
      count =
          counters
              .getStrongCounter(name)
              .incrementAndGet()
              .get(ANSWER_WITHIN_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Decision(true, 0, 0);
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(Level.WARNING, "Rate limit counter " + name + " did not answer; call let through", e);
      return new Decision(true, 0, 0);
    }
    if (count <= limit) {
      return new Decision(true, count, 0);
    }
    return new Decision(false, count, Math.max(1, (ends - now + 999) / 1000));
  }

  /** Removes the definitions of counters whose window (and the one after it) is over. */
  private void forgetEnded(long now) {
    Defined oldest;
    while ((oldest = defined.peek()) != null && oldest.expiresAtMillis() < now) {
      if (defined.remove(oldest)) {
        try {
          counters.undefineCounter(oldest.name());
        } catch (RuntimeException e) {
          LOG.log(Level.FINE, "Counter " + oldest.name() + " already gone", e);
        }
      }
    }
  }
}
