package io.encaptio.application.internal;

import io.encaptio.application.TenantAdministration;
import io.encaptio.domain.job.JobQueue;
import io.encaptio.domain.user.UserProfileRepository;
import io.encaptio.tenancy.application.DatabaseServers;
import io.encaptio.tenancy.application.OrganizationDirectory;
import io.encaptio.tenancy.application.SchemaMigrations;
import io.encaptio.tenancy.application.TenantArchives;
import io.encaptio.tenancy.application.TenantOverview;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.application.TenantRegistry;
import io.encaptio.tenancy.context.TenantContext;
import io.encaptio.tenancy.domain.InvalidTenantException;
import io.encaptio.tenancy.domain.MigrationState;
import io.encaptio.tenancy.domain.Placement;
import io.encaptio.tenancy.domain.TenantQuery;
import io.encaptio.tenancy.domain.TenantStateException;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
@Local(TenantAdministration.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultTenantAdministration implements TenantAdministration {

  private static final Logger LOG = Logger.getLogger(DefaultTenantAdministration.class.getName());

  @Inject TenantRegistry registry;
  @Inject UserProfileRepository profiles;
  @Inject TenantArchives archives;
  @Inject SchemaMigrations migrations;
  @Inject OrganizationDirectory organizations;
  @Inject DatabaseServers servers;

  @Inject PlatformAudit platformAudit;
  @Inject JobQueue jobs;

  @Inject
  @ConfigProperty(name = "encaptio.export.dir")
  String exportDirectory;

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public TenantPage tenants(TenantQuery query) {
    return new TenantPage(
        registry.search(query).stream().map(o -> new TenantRow(o, users(o))).toList(),
        registry.count(query));
  }

  /** People who signed in to the tenant, counted in its own schema once it is migrated. */
  private long users(TenantOverview overview) {
    if (overview.migrationState() != MigrationState.CURRENT) {
      return 0;
    }
    return TenantContext.supplyAs(overview.tenant(), profiles::count);
  }

  @Override
  public TenantRef suspend(String slug, String reason) {
    TenantRef suspended = registry.suspend(slug, reason);
    platformAudit.record("tenant.suspended", slug, reason);
    return suspended;
  }

  @Override
  public TenantRef resume(String slug) {
    TenantRef resumed = registry.resume(slug);
    platformAudit.record("tenant.resumed", slug, null);
    return resumed;
  }

  @Override
  public TenantRef limitContent(String slug, Long bytes) {
    TenantRef limited = registry.limitContent(slug, bytes);
    platformAudit.record(
        "tenant.content_limit_changed", slug, bytes == null ? "no limit" : bytes + " bytes");
    return limited;
  }

  @Override
  public DeletedTenant delete(String slug, String confirmation) {
    if (!slug.equals(confirmation)) {
      throw new InvalidTenantException(
          Map.of(
              "confirm",
              "Type the tenant's identifier '" + slug + "' to confirm that it is deleted."));
    }
    TenantRef tenant = registry.markDeleting(slug);
    TenantOverview overview = registry.overview(slug);
    Path file =
        Path.of(exportDirectory).resolve(slug + "-" + Instant.now().toEpochMilli() + ".zip");
    Map<String, Long> rows;
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        rows =
            archives.export(
                tenant.databaseServer(), tenant.schemaName(), overview.schemaVersion(), out);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "The export of " + slug + " could not be written to " + file + "; nothing was deleted.",
          e);
    }
    migrations.dropSchema(tenant.databaseServer(), tenant.schemaName());
    registry.organizationId(slug).ifPresent(organizations::removeOrganization);
    registry.remove(slug);
    platformAudit.record("tenant.deleted", slug, "export kept in " + file);
    return new DeletedTenant(slug, file.toString(), rows);
  }

  @Override
  public Map<String, Long> export(String slug, OutputStream out) {
    TenantOverview tenant = registry.overview(slug);
    Map<String, Long> rows =
        archives.export(
            tenant.tenant().databaseServer(),
            tenant.tenant().schemaName(),
            tenant.schemaVersion(),
            out);
    platformAudit.record("tenant.exported", slug, rows.toString());
    return rows;
  }

  @Override
  public Map<String, Long> importInto(String slug, InputStream archive) {
    TenantOverview tenant = registry.overview(slug);
    Map<String, Long> rows =
        archives.importInto(
            tenant.tenant().databaseServer(),
            tenant.tenant().schemaName(),
            tenant.schemaVersion(),
            archive);
    rebuildDerivedAnalytics(tenant.tenant());
    platformAudit.record("tenant.imported", slug, rows.toString());
    return rows;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public List<DatabaseServerRow> databaseServers() {
    return servers.loads().stream().map(DatabaseServerRow::of).toList();
  }

  @Override
  public DatabaseServerRow registerDatabaseServer(String name, int weight) {
    Placement.Load registered = servers.register(name, weight);
    platformAudit.record("database_server.registered", name, "weight " + weight);
    return DatabaseServerRow.of(registered);
  }

  @Override
  public DatabaseServerRow weighDatabaseServer(String name, int weight) {
    Placement.Load weighed = servers.weigh(name, weight);
    platformAudit.record("database_server.weighed", name, "weight " + weight);
    return DatabaseServerRow.of(weighed);
  }

  @Override
  public MovedTenant move(String slug, String server) {
    TenantOverview overview = registry.overview(slug);
    TenantRef tenant = overview.tenant();
    servers.require(server);
    String from = tenant.databaseServer();
    if (from.equals(server)) {
      throw new InvalidTenantException(
          Map.of("server", "Tenant " + slug + " is on database server " + server + " already."));
    }
    if (overview.migrationState() != MigrationState.CURRENT) {
      throw new TenantStateException(
          "Tenant "
              + slug
              + "'s schema is "
              + overview.migrationState().dbValue()
              + "; it is moved once its migration is current.");
    }
    Path file =
        Path.of(exportDirectory)
            .resolve("moves")
            .resolve(
                slug + "-" + from + "-to-" + server + "-" + Instant.now().toEpochMilli() + ".zip");
    long readOnlyAt = System.nanoTime();
    registry.readOnly(slug, "being moved to another database server");
    boolean switched = false;
    try {
      Files.createDirectories(file.getParent());
      Map<String, Long> rows;
      try (OutputStream out = Files.newOutputStream(file);
          TenantArchives.Hold held =
              archives.exportHolding(
                  from, tenant.schemaName(), overview.schemaVersion(), out, MOVE_LOCK_WAIT)) {
        rows = held.rows();
        try {
          String version = migrations.migrateTenant(server, tenant.schemaName());
          if (!version.equals(overview.schemaVersion())) {
            throw new TenantStateException(
                "The target's schema reached version "
                    + version
                    + " but the tenant's is at "
                    + overview.schemaVersion()
                    + "; migrate the tenant first.");
          }
          out.flush();
          try (InputStream in = Files.newInputStream(file)) {
            archives.importInto(server, tenant.schemaName(), overview.schemaVersion(), in);
          }
          registry.movedTo(slug, server);
          switched = true;
        } catch (IOException | RuntimeException e) {
          migrations.dropSchema(server, tenant.schemaName());
          throw e;
        }
        held.dropSource();
      }
      rebuildDerivedAnalytics(tenant);
      long readOnlyMillis = (System.nanoTime() - readOnlyAt) / 1_000_000;
      platformAudit.record(
          "tenant.moved",
          slug,
          from + " -> " + server + ", read-only " + readOnlyMillis + " ms, " + rows);
      return new MovedTenant(slug, from, server, rows, readOnlyMillis, file.toString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "The move of "
              + slug
              + " failed ("
              + e.getMessage()
              + "); it stays on "
              + (switched ? server : from)
              + ".",
          e);
    } finally {
      registry.writable(slug);
    }
  }

  /**
   * An archive leaves the analytics roll-ups out (derived data): the tenant's roll-up runs now, not
   * after its idle wait, so its reports are whole again within a minute. When that request fails
   * the import or move stands, and the roll-up comes after the idle wait.
   */
  private void rebuildDerivedAnalytics(TenantRef tenant) {
    try {
      jobs.runPeriodicNow(JobQueue.ROLL_UP_ANALYTICS, List.of(tenant.id()));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The analytics roll-up of " + tenant.slug() + " was not brought forward: " + e,
          e);
    }
  }

  /** How long a move waits for the tenant's changes in progress before it gives up. */
  private static final Duration MOVE_LOCK_WAIT = Duration.ofSeconds(60);
}
