package io.encaptio.tenancy.infrastructure.migration;

import io.encaptio.tenancy.application.SchemaMigrations;
import io.encaptio.tenancy.domain.DatabaseServer;
import io.encaptio.tenancy.domain.SchemaName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
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
 * for a schema it creates itself it skips that check.
 */
public class FlywaySchemaMigrations implements SchemaMigrations {

  /** Tenancy's own platform tables: tenants, public keys, share slugs. */
  public static final String TENANCY_PLATFORM = "classpath:db/platform/tenancy";

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
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : result.initialSchemaVersion;
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
