package io.encaptio.application;

import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import io.encaptio.tenancy.application.TenantRef;
import java.util.List;
import java.util.Optional;

/** The platform's tenants as the rest of the product sees them. */
public interface TenantDirectory {

  /**
   * Registers every organization of the identity provider as a tenant, creating and migrating its
   * schema; already registered tenants are only refreshed. Then the roles the organizations name
   * for their first people are seeded, and realm-wide roles of earlier versions are moved into the
   * organizations of their holders and taken away in the identity provider (RoleSeeding; a failure
   * there is logged and retried by the next run). Safe to run again at any time.
   *
   * @return the tenants after synchronisation
   */
  @Requires(Permission.OPERATE_PLATFORM)
  List<TenantRef> synchronizeWithIdentityProvider();

  @Requires(Permission.OPERATE_PLATFORM)
  List<TenantRef> tenants();

  @Requires(Permission.OPERATE_PLATFORM)
  Optional<TenantRef> tenant(String slug);
}
