package io.encaptio.application.internal;

import io.encaptio.application.TenantProvisioning;
import io.encaptio.tenancy.application.NewTenant;
import io.encaptio.tenancy.application.Organization;
import io.encaptio.tenancy.application.OrganizationDirectory;
import io.encaptio.tenancy.application.SchemaMigrations;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.application.TenantRegistry;
import io.encaptio.tenancy.application.UnknownTenantException;
import io.encaptio.tenancy.domain.TenantStatus;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Runs outside a transaction: each registry change commits on its own and DDL runs between them, so
 * an interruption at any point leaves a tenant in {@code provisioning} with its request kept, and
 * the next run redoes only what is missing.
 */
@Stateless
@Local(TenantProvisioning.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultTenantProvisioning implements TenantProvisioning {

  private static final Logger LOG = Logger.getLogger(DefaultTenantProvisioning.class.getName());

  @Inject TenantRegistry registry;
  @Inject SchemaMigrations migrations;
  @Inject OrganizationDirectory organizations;
  @Inject Event<StepCompleted> steps;

  @Override
  public TenantRef provision(NewTenant request) {
    TenantRef tenant = registry.reserve(request);
    if (tenant.status() != TenantStatus.PROVISIONING) {
      return tenant; // the same request was completed before: nothing to do
    }
    done(tenant.slug(), Step.RESERVED);
    return complete(tenant, request);
  }

  @Override
  public TenantRef completeProvisioning(String slug) {
    NewTenant request =
        registry.unfinishedProvisioning(slug).orElseThrow(() -> new UnknownTenantException(slug));
    return complete(registry.findBySlug(slug).orElseThrow(), request);
  }

  private TenantRef complete(TenantRef tenant, NewTenant request) {
    String slug = tenant.slug();
    migrations.createSchema(tenant.schemaName());
    done(slug, Step.SCHEMA_CREATED);

    registry.migrationStarted(slug);
    registry.migrationSucceeded(slug, migrations.migrateTenant(tenant.schemaName()));
    done(slug, Step.SCHEMA_MIGRATED);

    Organization organization =
        organizations.ensureOrganization(slug, request.name(), request.emailDomain());
    registry.linkOrganization(slug, organization.id());
    done(slug, Step.ORGANIZATION_CREATED);

    organizations.ensureOwner(organization, request.ownerEmail(), request.ownerName());
    done(slug, Step.OWNER_INVITED);

    TenantRef active = registry.activate(slug);
    done(slug, Step.ACTIVATED);
    LOG.info(() -> "Tenant " + slug + " provisioned; owner " + request.ownerEmail() + " invited");
    return active;
  }

  private void done(String slug, Step step) {
    steps.fire(new StepCompleted(slug, step));
  }
}
