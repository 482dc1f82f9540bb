package io.encaptio.application.internal;

import io.encaptio.application.TenantDirectory;
import io.encaptio.tenancy.application.Organization;
import io.encaptio.tenancy.application.OrganizationDirectory;
import io.encaptio.tenancy.application.SchemaMigrations;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.application.TenantRegistry;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs without a transaction of its own: each registry step commits separately and migrations run
 * between them, so a tenant whose migration fails stays in {@code provisioning} and the next run
 * completes it.
 */
@Stateless
@Local(TenantDirectory.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultTenantDirectory implements TenantDirectory {

  private static final Logger LOG = Logger.getLogger(DefaultTenantDirectory.class.getName());

  @Inject OrganizationDirectory organizations;
  @Inject TenantRegistry registry;
  @Inject SchemaMigrations migrations;

  @Override
  public List<TenantRef> synchronizeWithIdentityProvider() {
    for (Organization organization : organizations.organizations()) {
      if (!organization.enabled()) {
        continue;
      }
      try {
        TenantRegistry.Registration registration = registry.registerOrganization(organization);
        TenantRef tenant = registration.tenant();
        if (registration.needsSetup()) {
          String version = migrations.migrateTenant(tenant.schemaName());
          registry.migrationSucceeded(tenant.slug(), version);
          registry.activate(tenant.slug());
          LOG.info(() -> "Tenant " + tenant.slug() + " is active, schema version " + version);
        }
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            e,
            () -> "Organization " + organization.alias() + " could not be registered as a tenant");
      }
    }
    return registry.all();
  }

  @Override
  public List<TenantRef> tenants() {
    return registry.all();
  }

  @Override
  public Optional<TenantRef> tenant(String slug) {
    try {
      return registry.findBySlug(slug);
    } catch (IllegalArgumentException malformedSlug) {
      return Optional.empty();
    }
  }
}
