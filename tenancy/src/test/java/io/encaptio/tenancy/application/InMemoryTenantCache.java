package io.encaptio.tenancy.application;

import java.util.HashMap;
import java.util.Map;

class InMemoryTenantCache implements TenantCache {

  final Map<String, TenantRef> entries = new HashMap<>();

  @Override
  public TenantRef get(String alias) {
    return entries.get(alias);
  }

  @Override
  public void put(String alias, TenantRef tenant) {
    entries.put(alias, tenant);
  }

  @Override
  public void remove(String alias) {
    entries.remove(alias);
  }
}
