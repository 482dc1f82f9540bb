package io.encaptio.tenancy.domain;

import jakarta.ejb.ApplicationException;

/**
 * What was asked of a tenant is not possible in its current state (resume an active tenant, delete
 * one that is not suspended, import into a tenant that holds data); nothing was changed.
 */
@ApplicationException(rollback = true)
public class TenantStateException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public TenantStateException(String message) {
    super(message);
  }
}
