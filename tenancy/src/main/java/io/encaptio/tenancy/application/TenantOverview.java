package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.MigrationState;
import io.encaptio.tenancy.domain.Tenant;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** What operators see of a tenant: identity, lifecycle, schema migration state and storage. */
public record TenantOverview(
    TenantRef tenant,
    String plan,
    String schemaVersion,
    MigrationState migrationState,
    String migrationError,
    OffsetDateTime migratedAt,
    OffsetDateTime createdAt,
    long storageBytes,
    Long contentLimitBytes)
    implements Serializable {

  static TenantOverview of(Tenant tenant, long storageBytes) {
    return new TenantOverview(
        TenantRef.of(tenant),
        tenant.plan(),
        tenant.schemaVersion(),
        tenant.migrationState(),
        tenant.migrationError(),
        tenant.migratedAt(),
        tenant.createdAt(),
        storageBytes,
        tenant.contentLimitBytes().orElse(null));
  }
}
