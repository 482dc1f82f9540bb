package io.encaptio.tenancy.infrastructure.migration;

import io.encaptio.tenancy.application.SchemaMigrations;
import io.encaptio.tenancy.domain.SchemaName;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway migrations: {@code db/platform} for the platform schema, {@code db/tenant} for every
 * tenant schema, each with its own history table inside the schema it migrates. Runs on the
 * non-transactional data source because DDL must not join a caller's JTA transaction. Each location
 * holds an empty {@code flyway.location} file: Liberty's class loaders only list a directory of a
 * jar through a file inside it.
 */
@ApplicationScoped
public class FlywaySchemaMigrations implements SchemaMigrations {

  static final String PLATFORM_SCHEMA = "platform";
  private static final String TENANT_LOCATION = "classpath:db/tenant";
  private static final String NEVER_CREATED_SCHEMA = "encaptio_migration_probe";

  @Resource(lookup = "jdbc/encaptioMigrations")
  DataSource dataSource;

  @Override
  public String migratePlatform() {
    return migrate(PLATFORM_SCHEMA, "classpath:db/platform");
  }

  @Override
  public void createSchema(SchemaName schema) {
    ddl("CREATE SCHEMA IF NOT EXISTS \"" + schema.value() + "\"", schema);
  }

  @Override
  public void dropSchema(SchemaName schema) {
    ddl("DROP SCHEMA IF EXISTS \"" + schema.value() + "\" CASCADE", schema);
  }

  /** SchemaName admits only t_ and 32 hex digits, so quoting it cannot inject anything. */
  private void ddl(String statementText, SchemaName schema) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(statementText);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Schema " + schema + ": " + statementText + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String migrateTenant(SchemaName schema) {
    return migrate(schema.value(), TENANT_LOCATION);
  }

  /**
   * Asks Flyway for the tenant migrations against a schema that never exists (Flyway's {@code info}
   * creates nothing), so every migration this build ships is listed as pending.
   */
  @Override
  public String latestTenantVersion() {
    return Arrays.stream(flyway(NEVER_CREATED_SCHEMA, TENANT_LOCATION).info().all())
        .filter(migration -> migration.getState().isResolved() && migration.getVersion() != null)
        .map(MigrationInfo::getVersion)
        .max(Comparator.naturalOrder())
        .map(MigrationVersion::getVersion)
        .orElseThrow(() -> new IllegalStateException("No tenant migrations in " + TENANT_LOCATION));
  }

  private String migrate(String schema, String location) {
    MigrateResult result = flyway(schema, location).migrate();
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : result.initialSchemaVersion;
  }

  private Flyway flyway(String schema, String location) {
    return Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .locations(location)
        .failOnMissingLocations(true)
        .load();
  }
}
