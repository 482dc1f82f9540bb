package io.encaptio.tenancy.application;

/** Cache of tenant look-ups by organization alias, shared by the cluster's nodes. */
public interface TenantCache {

  TenantRef get(String alias);

  void put(String alias, TenantRef tenant);

  void remove(String alias);
}
