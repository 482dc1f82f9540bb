package io.encaptio.tenancy.application;

import jakarta.ejb.ApplicationException;

/** No tenant is registered under the given slug or organization. */
@ApplicationException(rollback = true)
public class UnknownTenantException extends RuntimeException {

  public UnknownTenantException(String slug) {
    super("No tenant is registered for organization '" + slug + "'");
  }
}
