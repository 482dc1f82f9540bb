package io.encaptio.application;

import java.time.Duration;

/**
 * Counts calls per key in fixed windows aligned to the clock. A call over the limit is refused
 * until its window ends; a counter that cannot answer lets the call through (a limit must not take
 * the service down with it).
 */
public interface RateLimiter {

  /** A call allowed, or refused until {@code retryAfterSeconds} from now. */
  record Decision(boolean allowed, long count, long retryAfterSeconds) {}

  /**
   * Counts one call of {@code key} against {@code limit} calls per {@code window}; refused once the
   * window has seen {@code limit} calls, until the window ends.
   */
  Decision acquire(String key, int limit, Duration window);
}
