package io.encaptio.tenancy.infrastructure.migration;

import io.encaptio.tenancy.application.SchemaMigrations;
import io.encaptio.tenancy.domain.DatabaseServer;
import io.encaptio.tenancy.domain.SchemaName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway migrations of the platform schema and of every tenant schema, each schema with one history
 * table inside it and one version sequence, whichever module a script comes from. Tenancy
 * contributes only its own platform tables ({@value #TENANCY_PLATFORM}); the module that owns the
 * product's tables names where its platform and tenant scripts are, and the class loader that reads
 * them (the module's own: it sees the EAR's libraries, tenancy's scripts among them). Flyway also
 * looks for SQL callbacks in {@code db/callback}, which is here and empty (none are used).
 *
 * <p>Runs on the non-transactional data source because DDL must not join a caller's JTA
 * transaction. Each location holds an empty {@code flyway.location} file: Liberty's class loaders
 * only list a directory of a jar through a file inside it. Locations must not nest (Flyway reads a
 * location's sub-directories too).
 *
 * <p>A new tenant's schema is created by Flyway ({@code createSchemas}), in the same run as its
 * migrations, never beforehand: Flyway checks that a schema it finds without a history table is
 * empty, with a query over the whole catalog (pg_class, pg_type and pg_proc against pg_depend, no
 * index on the columns it joins), which took 160–260 ms at 600 tenant schemas and grows with each;
 * for a schema it creates itself it skips that check. A location may hold a baseline ({@code
 * B<version>__…sql}, the schema as the migrations up to that version leave it): Flyway makes a
 * schema without history from the newest baseline and applies only the migrations after it; schemas
 * with history never run one. After a schema's migrations, the system catalogs they outgrew are
 * analyzed, and the registry of tenants (see {@link #refreshCatalogStatistics}).
 */
public class FlywaySchemaMigrations implements SchemaMigrations {

  /** Tenancy's own platform tables: tenants, public keys, share slugs. */
  public static final String TENANCY_PLATFORM = "classpath:db/platform/tenancy";

  private static final Logger LOG = Logger.getLogger(FlywaySchemaMigrations.class.getName());

  static final String PLATFORM_SCHEMA = "platform";
  private static final String NEVER_CREATED_SCHEMA = "encaptio_migration_probe";

  private final Function<String, DataSource> dataSources;
  private final ClassLoader scripts;
  private final String[] platformLocations;
  private final String[] tenantLocations;

  /**
   * @param dataSources each database server's non-transactional data source that may run DDL
   * @param scripts a class loader that sees every location
   * @param platformLocations the product's platform scripts, beside tenancy's own
   * @param tenantLocations every script of a tenant schema
   */
  public FlywaySchemaMigrations(
      Function<String, DataSource> dataSources,
      ClassLoader scripts,
      List<String> platformLocations,
      List<String> tenantLocations) {
    if (tenantLocations.isEmpty()) {
      throw new IllegalArgumentException("A tenant schema needs at least one migration location");
    }
    List<String> platform = new ArrayList<>(List.of(TENANCY_PLATFORM));
    platform.addAll(platformLocations);
    this.dataSources = dataSources;
    this.scripts = scripts;
    this.platformLocations = platform.toArray(String[]::new);
    this.tenantLocations = tenantLocations.toArray(String[]::new);
  }

  @Override
  public String migratePlatform() {
    return migratePlatform(DatabaseServer.MAIN);
  }

  @Override
  public String migratePlatform(String server) {
    return migrate(server, PLATFORM_SCHEMA, platformLocations);
  }

  @Override
  public void dropSchema(String server, SchemaName schema) {
    ddl(server, "DROP SCHEMA IF EXISTS \"" + schema.value() + "\" CASCADE", schema);
  }

  /** SchemaName admits only t_ and 32 hex digits, so quoting it cannot inject anything. */
  private void ddl(String server, String statementText, SchemaName schema) {
    try (Connection connection = dataSources.apply(server).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(statementText);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Schema " + schema + ": " + statementText + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String migrateTenant(String server, SchemaName schema) {
    return migrate(server, schema.value(), tenantLocations);
  }

  /**
   * Asks Flyway for the tenant migrations against a schema that never exists (Flyway's {@code info}
   * creates nothing), so every migration this build ships is listed as pending.
   */
  @Override
  public String latestTenantVersion() {
    return Arrays.stream(
            flyway(DatabaseServer.MAIN, NEVER_CREATED_SCHEMA, tenantLocations).info().all())
        .filter(migration -> migration.getState().isResolved() && migration.getVersion() != null)
        .map(MigrationInfo::getVersion)
        .max(Comparator.naturalOrder())
        .map(MigrationVersion::getVersion)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No tenant migrations in " + Arrays.toString(tenantLocations)));
  }

  private String migrate(String server, String schema, String[] locations) {
    MigrateResult result = flyway(server, schema, locations).migrate();
    if (result.migrationsExecuted > 0) {
      refreshCatalogStatistics(server);
    }
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : result.initialSchemaVersion;
  }

  /**
   * The tables whose statistics are more than a fifth behind their size: their files hold more
   * pages than ANALYZE last counted (or it never ran). The system catalogs, shared ones (only a
   * superuser may analyze them) and the statistics' own tables (which ANALYZE itself grows, and
   * which no query plan reads) aside, and the registry of tenants, which grows by a row with each
   * tenant provisioned on the main server. They are found by OID (initdb's objects are below 16384,
   * FirstNormalObjectId): pg_class has no index that starts with the namespace, and the one that
   * holds it walks every tenant's relations (28 ms at 1,620 tenant schemas, 1.3 ms by OID).
   */
  public static final String STALE_STATISTICS =
      "select c.relnamespace::regnamespace::text || '.' || c.relname from pg_catalog.pg_class c"
          + " where (c.oid < 16384 and c.relnamespace = 'pg_catalog'::regnamespace"
          + " and c.relkind = 'r' and not c.relisshared and c.relname not like 'pg\\_statistic%'"
          + " or c.oid = to_regclass('platform.tenants'))"
          + " and pg_catalog.pg_relation_size(c.oid) / current_setting('block_size')::int"
          + " > 1.2 * c.relpages + 8";

  private static final Pattern ANALYZABLE =
      Pattern.compile("pg_catalog\\.pg_[a-z_]+|platform\\.tenants");

  /**
   * Analyzes the system catalogs that schemas made since their last statistics have grown, and the
   * registry of tenants, as autovacuum would (it may be off, or late). Each tenant schema adds some
   * 115 rows to pg_class and more to pg_attribute and pg_depend; with statistics from when the
   * database was small, PostgreSQL plans catalog look-ups such as Flyway's "does the history table
   * exist" as a walk over every tenant's entries: 30–100 ms each at 600 tenant schemas, and more
   * with every one. Growth by a fifth at a time keeps the work to a few dozen ANALYZEs up to 10,000
   * schemas. The database's owner may analyze its catalogs (a user who may not gets a warning from
   * PostgreSQL, no error); a failure here is logged and the migration stands.
   */
  private void refreshCatalogStatistics(String server) {
    try (Connection connection = dataSources.apply(server).getConnection();
        Statement statement = connection.createStatement()) {
      List<String> stale = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery(STALE_STATISTICS)) {
        while (rows.next()) {
          String name = rows.getString(1);
          if (ANALYZABLE.matcher(name).matches()) {
            stale.add(name);
          }
        }
      }
      if (!stale.isEmpty()) {
        statement.execute("ANALYZE " + String.join(", ", stale));
        LOG.fine(() -> "Analyzed " + stale + " on database server " + server);
      }
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "Analyzing the system catalogs on database server " + server + " failed",
          e);
    }
  }

  private Flyway flyway(String server, String schema, String[] locations) {
    return Flyway.configure(scripts)
        .dataSource(dataSources.apply(server))
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .locations(locations)
        .failOnMissingLocations(true)
        .group(true)
        .load();
  }
}
