package io.encaptio.tenancy.domain;

import java.util.Locale;

/** Where a tenant's schema stands with respect to the tenant migrations. */
public enum MigrationState {
  PENDING,
  MIGRATING,
  CURRENT,
  FAILED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MigrationState fromDbValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
