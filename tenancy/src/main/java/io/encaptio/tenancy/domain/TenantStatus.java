package io.encaptio.tenancy.domain;

import java.util.Locale;

/** Lifecycle of a tenant. Only {@link #ACTIVE} tenants are served. */
public enum TenantStatus {
  PROVISIONING,
  ACTIVE,
  SUSPENDED,
  DELETING;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TenantStatus fromDbValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
