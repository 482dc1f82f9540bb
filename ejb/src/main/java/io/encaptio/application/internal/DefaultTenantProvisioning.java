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
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
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
  @Inject Event<StepCompleted> progress;
  @Inject Invitations invitations;
  @Inject PlatformAudit platformAudit;

  @Override
  public Provisioned provision(NewTenant request) {
    Timeline timeline = new Timeline();
    TenantRef tenant = registry.reserve(request);
    if (tenant.status() != TenantStatus.PROVISIONING) {
      return new Provisioned(tenant, Map.of()); // the same request was completed before
    }
    timeline.done(tenant.slug(), Step.RESERVED);
    return complete(tenant, request, timeline);
  }

  @Override
  public Provisioned completeProvisioning(String slug) {
    Timeline timeline = new Timeline();
    NewTenant request =
        registry.unfinishedProvisioning(slug).orElseThrow(() -> new UnknownTenantException(slug));
    return complete(registry.findBySlug(slug).orElseThrow(), request, timeline);
  }

  private Provisioned complete(TenantRef tenant, NewTenant request, Timeline timeline) {
    String slug = tenant.slug();
    registry.migrationStarted(slug); // the schema is created by its migrations
    registry.migrationSucceeded(
        slug, migrations.migrateTenant(tenant.databaseServer(), tenant.schemaName()));
    timeline.done(slug, Step.SCHEMA_MIGRATED);

    Organization organization = organizations.ensureOrganization(slug, request.name());
    registry.linkOrganization(slug, organization.id());
    timeline.done(slug, Step.ORGANIZATION_CREATED);

    // The owner's role is held in this organization only: granted at their first sign-in here
    // from the subject kept in the registry, never as a realm-wide role.
    OrganizationDirectory.Invitee owner =
        organizations.ensureMember(organization.id(), request.ownerEmail(), request.ownerName());
    registry.ownerInvited(slug, owner.userId());
    invitations.send(
        tenant, owner.userId(), request.ownerEmail(), owner.created(), "owner", "Encaptio");
    timeline.done(slug, Step.OWNER_INVITED);

    TenantRef active = registry.activate(slug);
    timeline.done(slug, Step.ACTIVATED);
    platformAudit.record("tenant.provisioned", slug, "owner " + request.ownerEmail());
    LOG.info(
        () ->
            "Tenant "
                + slug
                + " provisioned in "
                + timeline.total().toMillis()
                + " ms; owner "
                + request.ownerEmail()
                + " invited");
    return new Provisioned(active, timeline.steps);
  }

  /** When each step ended, announced as it happens. */
  private final class Timeline {
    private final long started = System.nanoTime();
    private final Map<Step, Duration> steps = new EnumMap<>(Step.class);
    private long last = started;

    void done(String slug, Step step) {
      long now = System.nanoTime();
      this.steps.put(step, Duration.ofNanos(now - last));
      last = now;
      progress.fire(new StepCompleted(slug, step));
    }

    Duration total() {
      return Duration.ofNanos(last - started);
    }
  }
}
