package io.encaptio.domain.shared;

import jakarta.ejb.ApplicationException;

/**
 * What was asked is not possible in the current state (a file that is in the capsule already, a
 * conversation that is full, a model that capsules still answer with); nothing was changed. The
 * message says what to do instead.
 */
@ApplicationException(rollback = true)
public class ConflictException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
