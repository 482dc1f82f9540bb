package io.encaptio.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A customer organisation served from its own PostgreSQL schema. Lives in {@code platform}. */
@Entity
@Table(name = "tenants", schema = "platform")
public class Tenant {

  @Id private UUID id;

  @Column(nullable = false, unique = true, length = 63)
  private String slug;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Column(name = "schema_name", nullable = false, unique = true, length = 63)
  private String schemaName;

  @Column(name = "keycloak_org_id", unique = true, length = 64)
  private String keycloakOrganizationId;

  @Column(nullable = false, length = 20)
  private String status;

  @Column(nullable = false, length = 40)
  private String plan;

  @Column(name = "suspension_reason", length = 500)
  private String suspensionReason;

  @Column(name = "schema_version", length = 50)
  private String schemaVersion;

  @Column(name = "migration_state", nullable = false, length = 20)
  private String migrationState = MigrationState.PENDING.dbValue();

  @Column(name = "migration_error", length = 2000)
  private String migrationError;

  @Column(name = "migrated_at")
  private OffsetDateTime migratedAt;

  @Column(name = "owner_email", length = 320)
  private String ownerEmail;

  @Column(name = "owner_name", length = 200)
  private String ownerName;

  @Column(name = "owner_subject", length = 64)
  private String ownerSubject;

  @Column(name = "content_limit_bytes")
  private Long contentLimitBytes;

  @Column(name = "database_server", nullable = false, length = 40)
  private String databaseServer = DatabaseServer.MAIN;

  @Column(name = "read_only_reason", length = 200)
  private String readOnlyReason;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Tenant() {}

  /** A tenant that has been registered but whose schema is not yet migrated. */
  public static Tenant register(
      TenantSlug slug, String displayName, String keycloakOrganizationId, String plan) {
    Tenant tenant = new Tenant();
    tenant.id = UUID.randomUUID();
    tenant.slug = slug.value();
    tenant.displayName = requireDisplayName(displayName);
    tenant.schemaName = SchemaName.forTenant(tenant.id).value();
    tenant.keycloakOrganizationId = keycloakOrganizationId;
    tenant.status = TenantStatus.PROVISIONING.dbValue();
    tenant.plan = Objects.requireNonNull(plan, "plan");
    tenant.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    tenant.updatedAt = tenant.createdAt;
    return tenant;
  }

  private static String requireDisplayName(String displayName) {
    if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
      throw new InvalidTenantException(Map.of("name", "A tenant name has 1 to 200 characters."));
    }
    return displayName.strip();
  }

  /**
   * A tenant an operator provisions with its first owner: the owner is kept so that an interrupted
   * provisioning run can be completed later.
   */
  public static Tenant provision(
      TenantSlug slug, String displayName, String plan, String ownerEmail, String ownerName) {
    Tenant tenant = register(slug, displayName, null, plan);
    tenant.ownerEmail = ownerEmail;
    tenant.ownerName = ownerName;
    return tenant;
  }

  /** The identity provider's organization that holds the tenant's people. */
  public void linkOrganization(String organizationId) {
    keycloakOrganizationId = organizationId;
  }

  /** Where the tenant's schema is made: decided once, before it exists. */
  public void placeOn(String server) {
    if (schemaVersion != null) {
      throw new TenantStateException(
          "Tenant " + slug + " already has its schema on " + databaseServer + "; move it instead.");
    }
    databaseServer = Objects.requireNonNull(server, "server");
  }

  /**
   * Stops the tenant's changes for a while (its reads are still served): every transaction on its
   * data is read-only until {@link #writable()}.
   */
  public void readOnly(String reason) {
    if (status() != TenantStatus.ACTIVE && status() != TenantStatus.SUSPENDED) {
      throw new TenantStateException(
          "Tenant "
              + slug
              + " is "
              + status
              + "; only an active or suspended tenant can be moved.");
    }
    if (readOnlyReason != null) {
      throw new TenantStateException(
          "Tenant " + slug + " is read-only already (" + readOnlyReason + ").");
    }
    readOnlyReason = reason;
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** Takes changes again. */
  public void writable() {
    readOnlyReason = null;
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** The tenant's schema now lives on another server (its data was copied there). */
  public void movedTo(String server) {
    databaseServer = Objects.requireNonNull(server, "server");
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** The database server that holds the tenant's schema. */
  public String databaseServer() {
    return databaseServer;
  }

  /** Why the tenant takes no changes now, or null. */
  public String readOnlyReason() {
    return readOnlyReason;
  }

  /** Whether an operator's provisioning run, rather than directory synchronisation, owns setup. */
  public boolean provisionedByOperator() {
    return ownerEmail != null;
  }

  public String ownerEmail() {
    return ownerEmail;
  }

  public String ownerName() {
    return ownerName;
  }

  /** The identity provider's id of the first owner, once their account exists. */
  public String ownerSubject() {
    return ownerSubject;
  }

  public void ownerInvited(String subject) {
    this.ownerSubject = subject;
  }

  /** Marks the tenant ready to serve once its schema exists and is migrated. */
  public void activate() {
    changeStatus(TenantStatus.ACTIVE);
  }

  /**
   * Stops serving the tenant: its users and API clients are refused with the reason. Nothing is
   * deleted; {@link #resume()} serves it again.
   */
  public void suspend(String reason) {
    if (status() != TenantStatus.ACTIVE) {
      throw new TenantStateException(
          "Only an active tenant can be suspended; " + slug + " is " + status + ".");
    }
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new InvalidTenantException(
          Map.of("reason", "Say why the tenant is suspended, in 1 to 500 characters."));
    }
    suspensionReason = reason.strip();
    changeStatus(TenantStatus.SUSPENDED);
  }

  public void resume() {
    if (status() != TenantStatus.SUSPENDED) {
      throw new TenantStateException(
          "Only a suspended tenant can be resumed; " + slug + " is " + status + ".");
    }
    suspensionReason = null;
    changeStatus(TenantStatus.ACTIVE);
  }

  /**
   * Starts deleting: only a suspended tenant (its people already refused) may be deleted, and a
   * deletion that was interrupted may be started again.
   */
  public void markDeleting() {
    if (status() != TenantStatus.SUSPENDED && status() != TenantStatus.DELETING) {
      throw new TenantStateException(
          "Suspend tenant " + slug + " before deleting it; it is " + status + ".");
    }
    changeStatus(TenantStatus.DELETING);
  }

  /** The schema migrator started on this tenant. */
  public void migrationStarted() {
    migrationState = MigrationState.MIGRATING.dbValue();
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** The schema reached the version; a tenant still provisioning stays so until activated. */
  public void migrationSucceeded(String version) {
    schemaVersion = version;
    migrationState = MigrationState.CURRENT.dbValue();
    migrationError = null;
    migratedAt = OffsetDateTime.now(ZoneOffset.UTC);
    updatedAt = migratedAt;
  }

  /** The migration failed; the error is kept for operators, other tenants are unaffected. */
  public void migrationFailed(String error) {
    migrationState = MigrationState.FAILED.dbValue();
    migrationError =
        error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 2000));
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public void rename(String newDisplayName) {
    String name = requireDisplayName(newDisplayName);
    if (!name.equals(displayName)) {
      displayName = name;
      updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
  }

  private void changeStatus(TenantStatus next) {
    if (status() != next) {
      status = next.dbValue();
      updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
  }

  public UUID id() {
    return id;
  }

  public TenantSlug slug() {
    return new TenantSlug(slug);
  }

  public String displayName() {
    return displayName;
  }

  public SchemaName schemaName() {
    return new SchemaName(schemaName);
  }

  public String keycloakOrganizationId() {
    return keycloakOrganizationId;
  }

  public TenantStatus status() {
    return TenantStatus.fromDbValue(status);
  }

  public String suspensionReason() {
    return suspensionReason;
  }

  public String schemaVersion() {
    return schemaVersion;
  }

  public MigrationState migrationState() {
    return MigrationState.fromDbValue(migrationState);
  }

  public String migrationError() {
    return migrationError;
  }

  public OffsetDateTime migratedAt() {
    return migratedAt;
  }

  public String plan() {
    return plan;
  }

  /**
   * How much content the tenant may keep, overriding the platform's default; {@code null} goes back
   * to the default.
   */
  public void limitContent(Long bytes) {
    if (bytes != null && bytes <= 0) {
      throw new InvalidTenantException(
          Map.of("contentLimitBytes", "A content limit is a positive number of bytes, or none."));
    }
    contentLimitBytes = bytes;
  }

  /** The tenant's own content limit; empty: the platform's default applies. */
  public Optional<Long> contentLimitBytes() {
    return Optional.ofNullable(contentLimitBytes);
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
