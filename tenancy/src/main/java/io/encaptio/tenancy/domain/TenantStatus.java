package io.encaptio.tenancy.domain;

/** Lifecycle of a tenant. Only {@link #ACTIVE} tenants are served. */
public enum TenantStatus {
  PROVISIONING,
  ACTIVE,
  SUSPENDED,
  DELETING;

  public String dbValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static TenantStatus fromDbValue(String value) {
    return valueOf(value.toUpperCase(java.util.Locale.ROOT));
  }
}
