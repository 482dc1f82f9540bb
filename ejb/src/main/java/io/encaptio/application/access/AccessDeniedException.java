package io.encaptio.application.access;

import jakarta.ejb.ApplicationException;

/** The caller may not do this in this organization; the message says which role would. */
@ApplicationException(rollback = true)
public class AccessDeniedException extends SecurityException {

  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    super(message);
  }
}
