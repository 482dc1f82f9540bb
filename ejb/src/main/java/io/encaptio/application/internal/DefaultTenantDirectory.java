package io.encaptio.application.internal;

import io.encaptio.application.TenantDirectory;
import io.encaptio.tenancy.application.Organization;
import io.encaptio.tenancy.application.OrganizationDirectory;
import io.encaptio.tenancy.application.SchemaMigrations;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.application.TenantRegistry;
import io.encaptio.tenancy.domain.TenantStatus;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

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
  @Inject RoleSeeding roles;

  @Override
  public List<TenantRef> synchronizeWithIdentityProvider() {
    Map<String, TenantRef> known =
        registry.all().stream().collect(Collectors.toMap(TenantRef::slug, Function.identity()));
    // One listing serves registration and role seeding: with thousands of organizations, reading
    // them is most of the identity provider's work for a synchronisation.
    List<Organization> listed = organizations.organizations();
    for (Organization organization : listed) {
      if (!organization.enabled()
          || alreadyRegistered(known.get(organization.alias()), organization)) {
        continue;
      }
      try {
        TenantRegistry.Registration registration = registry.registerOrganization(organization);
        TenantRef tenant = registration.tenant();
        if (registration.needsSetup()) {
          String version = migrations.migrateTenant(tenant.databaseServer(), tenant.schemaName());
          registry.migrationSucceeded(tenant.slug(), version);
          // its first people hold their roles before anyone can enter
          roles.initialRoles(tenant, organization);
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
    List<TenantRef> tenants = registry.all();
    try {
      roles.seed(tenants, listed);
    } catch (RuntimeException e) {
      // the registrations above are committed; the seeding is tried again by the next run
      LOG.log(Level.WARNING, e, () -> "Roles were not seeded; the next synchronisation retries");
    }
    return tenants;
  }

  /**
   * A set-up tenant that already carries the organization's name needs nothing: skipping it keeps a
   * minute's synchronisation of a thousand organizations to one registry read and no writes.
   */
  private static boolean alreadyRegistered(TenantRef tenant, Organization organization) {
    return tenant != null
        && tenant.status() != TenantStatus.PROVISIONING
        && organization.displayName().equals(tenant.displayName());
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
