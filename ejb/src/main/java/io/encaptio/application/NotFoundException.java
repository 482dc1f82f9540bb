package io.encaptio.application;

/** Something the current tenant does not have (or that belongs to another tenant): a 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
