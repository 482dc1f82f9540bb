package io.encaptio.tenancy.application;

/**
 * Cache of tenant look-ups by organization alias (each node's own while Infinispan runs locally).
 */
public interface TenantCache {

  TenantRef get(String alias);

  void put(String alias, TenantRef tenant);

  void remove(String alias);
}
