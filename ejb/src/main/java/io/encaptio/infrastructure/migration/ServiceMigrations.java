package io.encaptio.infrastructure.migration;

import io.encaptio.tenancy.application.SchemaMigrations;
import io.encaptio.tenancy.application.ServerDataSources;
import io.encaptio.tenancy.infrastructure.migration.FlywaySchemaMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;

/**
 * The services module's tables, migrated by tenancy's Flyway runner: the job queue in the platform
 * schema and every table of a tenant schema. Their scripts live in this module, beside the code
 * that reads and writes them; tenancy runs them in one version sequence per schema.
 */
@ApplicationScoped
public class ServiceMigrations {

  /** The durable job queue ({@code platform.jobs}). */
  public static final List<String> PLATFORM = List.of("classpath:db/platform/services");

  /**
   * Capsules, content, chunks, conversations, leads, analytics, outbox, people's profiles: every
   * migration since the first, which a schema made before the newest baseline goes on from.
   */
  public static final String TENANT_MIGRATIONS = "classpath:db/tenant/services";

  /**
   * A tenant schema: the migrations and the baselines ({@code B<version>}, the schema as the
   * migrations up to that version leave it, written by {@code encaptio.sh baseline}; earlier ones
   * stay, named in the history of the schemas made from them). Flyway makes a new schema from the
   * newest baseline and applies only the migrations after it. Replaying every migration for each
   * new tenant would cost more with every tenant: PostgreSQL checks the stored expressions of the
   * whole database for each ALTER TABLE that adds a column with a default or a STORED generated
   * column, or rewrites a column's type (see the script).
   */
  public static final List<String> TENANT =
      List.of(TENANT_MIGRATIONS, "classpath:db/tenant/baseline");

  @Inject ServerDataSources dataSources;

  @Produces
  @ApplicationScoped
  SchemaMigrations schemaMigrations() {
    return new FlywaySchemaMigrations(
        dataSources::migrations, ServiceMigrations.class.getClassLoader(), PLATFORM, TENANT);
  }

  /**
   * Tenancy's runner with this module's scripts, on one data source that may run DDL for every
   * server (a test's or a benchmark's single database).
   */
  public static SchemaMigrations of(DataSource dataSource) {
    return new FlywaySchemaMigrations(
        server -> dataSource, ServiceMigrations.class.getClassLoader(), PLATFORM, TENANT);
  }
}
