package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.SchemaName;
import io.encaptio.tenancy.domain.Tenant;
import io.encaptio.tenancy.domain.TenantStatus;
import java.io.Serializable;
import java.util.UUID;

/**
 * An immutable view of a tenant: what a request, a cache or a page may hold. {@code databaseServer}
 * names the server of its schema; {@code readOnlyReason} is set while it takes no changes (a move
 * between servers).
 */
public record TenantRef(
    UUID id,
    String slug,
    String displayName,
    SchemaName schemaName,
    TenantStatus status,
    String suspensionReason,
    String plan,
    String databaseServer,
    String readOnlyReason)
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
        tenant.plan(),
        tenant.databaseServer(),
        tenant.readOnlyReason());
  }

  /** Whether the tenant's transactions are read-only now. */
  public boolean readOnly() {
    return readOnlyReason != null;
  }

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }
}
