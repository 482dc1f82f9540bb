package io.encaptio.tenancy.infrastructure.migration;

import io.encaptio.tenancy.application.SchemaMigrations;
import io.encaptio.tenancy.domain.SchemaName;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
    return migrate(schema.value(), "classpath:db/tenant");
  }

  private String migrate(String schema, String location) {
    MigrateResult result =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            .schemas(schema)
            .defaultSchema(schema)
            .createSchemas(true)
            .locations(location)
            .failOnMissingLocations(true)
            .load()
            .migrate();
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : result.initialSchemaVersion;
  }
}
