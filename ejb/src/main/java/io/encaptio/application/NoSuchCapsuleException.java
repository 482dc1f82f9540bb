package io.encaptio.application;

import java.util.UUID;

/** The current tenant has no such capsule (or it was deleted); other tenants' are never seen. */
public class NoSuchCapsuleException extends NotFoundException {

  public NoSuchCapsuleException(UUID id) {
    super("No capsule " + id + " in this organization.");
  }
}
