package io.encaptio.domain.notification;

import jakarta.ejb.ApplicationException;

/** A hook did not take a message; the message says what it answered. */
@ApplicationException(rollback = true)
public class HookFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  /**
   * @param retryable whether trying later can help (a timeout, 429, 5xx) or not (404: the hook is
   *     gone; 403: it was revoked)
   */
  public HookFailedException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
