package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.SchemaName;
import io.encaptio.tenancy.domain.Tenant;
import io.encaptio.tenancy.domain.TenantStatus;
import java.io.Serializable;
import java.util.UUID;

/** An immutable view of a tenant: what a request, a cache or a page may hold. */
public record TenantRef(
    UUID id,
    String slug,
    String displayName,
    SchemaName schemaName,
    TenantStatus status,
    String suspensionReason,
    String plan)
    implements Serializable {

  /** The status as the APIs and the database name it (active, suspended, ...). */
  public String statusName() {
    return status.dbValue();
  }

  public static TenantRef of(Tenant tenant) {
    return new TenantRef(
        tenant.id(),
        tenant.slug().value(),
        tenant.displayName(),
        tenant.schemaName(),
        tenant.status(),
        tenant.suspensionReason(),
        tenant.plan());
  }

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }
}
