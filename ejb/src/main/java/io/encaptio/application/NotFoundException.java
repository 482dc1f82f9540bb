package io.encaptio.application;

import jakarta.ejb.ApplicationException;

/** Something the current tenant does not have (or that belongs to another tenant): a 404. */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
