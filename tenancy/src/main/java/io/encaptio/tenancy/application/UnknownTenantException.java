package io.encaptio.tenancy.application;

/** No tenant is registered under the given slug or organization. */
public class UnknownTenantException extends RuntimeException {

  public UnknownTenantException(String slug) {
    super("No tenant is registered for organization '" + slug + "'");
  }
}
