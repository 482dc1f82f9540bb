package io.encaptio.tenancy.context;

/** Tenant data was requested while no tenant is set: the call fails before any query runs. */
public class NoTenantException extends IllegalStateException {

  public NoTenantException() {
    super("No tenant is set for this call; tenant data cannot be reached without one");
  }
}
