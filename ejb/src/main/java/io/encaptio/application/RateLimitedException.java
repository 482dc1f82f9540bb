package io.encaptio.application;

import jakarta.ejb.ApplicationException;

/** A call refused because a limit is reached: what was refused and when to try again. */
@ApplicationException(rollback = true)
public class RateLimitedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public RateLimitedException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
