package io.encaptio.application;

import jakarta.ejb.ApplicationException;

/** The capsule exists but visitors can't use it now (never published, archived): a 403. */
@ApplicationException(rollback = true)
public class CapsuleUnavailableException extends RuntimeException {

  public CapsuleUnavailableException() {
    super("This capsule is not published right now.");
  }
}
