package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.DatabaseServerRepository;
import io.encaptio.tenancy.domain.InvalidTenantException;
import io.encaptio.tenancy.domain.MigrationState;
import io.encaptio.tenancy.domain.Placement;
import io.encaptio.tenancy.domain.Tenant;
import io.encaptio.tenancy.domain.TenantQuery;
import io.encaptio.tenancy.domain.TenantRepository;
import io.encaptio.tenancy.domain.TenantSlug;
import io.encaptio.tenancy.domain.TenantStateException;
import io.encaptio.tenancy.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The tenant registry. Each method is one short transaction of its own, because registering a
 * tenant interleaves with schema migrations that must run outside any transaction (DDL through
 * Flyway's own connections).
 */
@ApplicationScoped
public class TenantRegistry {

  static final String DEFAULT_PLAN = "starter";

  @Inject TenantRepository tenants;
  @Inject TenantResolver resolver;
  @Inject DatabaseServerRepository servers;
  @Inject SchemaStorage storage;

  /** A tenant the directory synchronisation registered, and whether it still needs its schema. */
  public record Registration(TenantRef tenant, boolean needsSetup) {}

  /**
   * Reserves the slug for an operator's provisioning run and keeps the request, so the run can be
   * completed later. Repeating the same request (same slug and owner) returns the same tenant,
   * whatever its state; anything else on a taken slug, or an invalid request, is refused with what
   * to fix and nothing is created.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public TenantRef reserve(NewTenant request) {
    Map<String, String> problems = request.problems();
    if (!problems.isEmpty()) {
      throw new InvalidTenantException(problems);
    }
    TenantSlug slug = new TenantSlug(request.slug());
    Optional<Tenant> existing = tenants.findBySlug(slug);
    if (existing.isPresent()) {
      Tenant tenant = existing.get();
      boolean sameRunAgain =
          request.ownerEmail().equalsIgnoreCase(String.valueOf(tenant.ownerEmail()));
      if (!sameRunAgain) {
        throw new InvalidTenantException(
            Map.of(
                "slug",
                "The identifier '"
                    + slug
                    + "' is taken by "
                    + tenant.displayName()
                    + "; choose another."));
      }
      return TenantRef.of(tenant);
    }
    Tenant created =
        Tenant.provision(
            slug,
            request.name(),
            request.plan() == null ? DEFAULT_PLAN : request.plan(),
            request.ownerEmail(),
            request.ownerName().strip());
    created.placeOn(placement());
    tenants.add(created);
    return TenantRef.of(created);
  }

  /** The request of a provisioning run that has not completed, to complete it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<NewTenant> unfinishedProvisioning(String slug) {
    return tenants
        .findBySlug(new TenantSlug(slug))
        .filter(t -> t.status() == TenantStatus.PROVISIONING && t.provisionedByOperator())
        .map(
            t ->
                new NewTenant(
                    t.slug().value(), t.displayName(), t.plan(), t.ownerEmail(), t.ownerName()));
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void ownerInvited(String slug, String subject) {
    require(slug).ownerInvited(subject);
  }

  /** The identity provider's id of the first owner an operator named, if any. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> ownerSubject(String slug) {
    return tenants.findBySlug(new TenantSlug(slug)).map(Tenant::ownerSubject);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void linkOrganization(String slug, String organizationId) {
    require(slug).linkOrganization(organizationId);
  }

  /**
   * Registers the organization as a tenant if it is not registered yet, or refreshes its display
   * name. New tenants start in {@code provisioning} until {@link #activate} is called.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Registration registerOrganization(Organization organization) {
    TenantSlug slug = new TenantSlug(organization.alias());
    String name = organization.displayName();
    Tenant tenant =
        tenants
            .findBySlug(slug)
            .orElseGet(
                () -> {
                  Tenant created = Tenant.register(slug, name, organization.id(), DEFAULT_PLAN);
                  created.placeOn(placement());
                  tenants.add(created);
                  return created;
                });
    tenant.rename(name);
    resolver.evict(slug.value());
    return new Registration(
        TenantRef.of(tenant),
        tenant.status() == TenantStatus.PROVISIONING && !tenant.provisionedByOperator());
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public TenantRef activate(String slug) {
    return change(slug, Tenant::activate);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public TenantRef suspend(String slug, String reason) {
    return change(slug, tenant -> tenant.suspend(reason));
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public TenantRef resume(String slug) {
    return change(slug, Tenant::resume);
  }

  /** Sets the tenant's own content limit; {@code null}: the platform's default again. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public TenantRef limitContent(String slug, Long bytes) {
    return change(slug, tenant -> tenant.limitContent(bytes));
  }

  /** The tenant's own content limit, read from the registry now (not a cached copy). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Long> contentLimit(UUID tenantId) {
    return tenants.findById(tenantId).flatMap(Tenant::contentLimitBytes);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public TenantRef markDeleting(String slug) {
    return change(slug, Tenant::markDeleting);
  }

  /** Forgets a tenant whose schema and organization are gone. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void remove(String slug) {
    Tenant tenant = require(slug);
    if (tenant.status() != TenantStatus.DELETING) {
      throw new TenantStateException("Tenant " + slug + " is not being deleted.");
    }
    tenants.remove(tenant);
    resolver.evict(slug);
  }

  /** The identity provider's organization of the tenant, if it has one. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> organizationId(String slug) {
    return Optional.ofNullable(require(slug).keycloakOrganizationId());
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void migrationStarted(String slug) {
    require(slug).migrationStarted();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void migrationSucceeded(String slug, String version) {
    require(slug).migrationSucceeded(version);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void migrationFailed(String slug, String error) {
    require(slug).migrationFailed(error);
  }

  /** Changes the tenant's lifecycle and evicts its cached look-up, in the caller's transaction. */
  private TenantRef change(String slug, Consumer<Tenant> transition) {
    Tenant tenant = require(slug);
    transition.accept(tenant);
    resolver.evict(slug);
    return TenantRef.of(tenant);
  }

  /**
   * The database server for a new tenant: the one with the fewest tenants per unit of weight
   * ({@link Placement}).
   */
  private String placement() {
    return Placement.choose(servers.loads())
        .orElseThrow(
            () ->
                new TenantStateException(
                    "No database server takes new tenants: every server's weight is 0."
                        + " Give one a weight (operators' API, /api/ops/v1/database-servers)."));
  }

  /** Makes the tenant's transactions read-only on every node, with the reason. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public TenantRef readOnly(String slug, String reason) {
    return change(slug, tenant -> tenant.readOnly(reason));
  }

  /** Lets the tenant change its data again. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public TenantRef writable(String slug) {
    return change(slug, Tenant::writable);
  }

  /** Records that the tenant's schema now lives on {@code server}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public TenantRef movedTo(String slug, String server) {
    return change(slug, tenant -> tenant.movedTo(server));
  }

  private Tenant require(String slug) {
    return tenants
        .findBySlug(new TenantSlug(slug))
        .orElseThrow(() -> new UnknownTenantException(slug));
  }

  /** One page of tenants for operators, with their migration state and storage. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TenantOverview> search(TenantQuery query) {
    return tenants.search(query).stream()
        .map(t -> TenantOverview.of(t, storage.bytes(t.databaseServer(), t.schemaName())))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public TenantOverview overview(String slug) {
    Tenant tenant = require(slug);
    return TenantOverview.of(tenant, storage.bytes(tenant.databaseServer(), tenant.schemaName()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(TenantQuery query) {
    return tenants.count(query);
  }

  /**
   * Tenants whose schema may be behind {@code latestVersion}: every tenant not being deleted,
   * except those whose last migration succeeded at exactly that version. Flyway is the judge for
   * the rest.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TenantRef> needingMigration(String latestVersion) {
    return tenants.findAll().stream()
        .filter(t -> t.status() != TenantStatus.DELETING)
        .filter(
            t ->
                t.migrationState() != MigrationState.CURRENT
                    || !Objects.equals(t.schemaVersion(), latestVersion))
        .map(TenantRef::of)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TenantRef> all() {
    return tenants.findAll().stream().map(TenantRef::of).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<TenantRef> findById(UUID id) {
    return tenants.findById(id).map(TenantRef::of);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<TenantRef> findBySlug(String slug) {
    return tenants.findBySlug(new TenantSlug(slug)).map(TenantRef::of);
  }
}
