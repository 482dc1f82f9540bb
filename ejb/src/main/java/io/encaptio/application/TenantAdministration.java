package io.encaptio.application;

import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import io.encaptio.tenancy.application.TenantOverview;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.domain.Placement;
import io.encaptio.tenancy.domain.TenantQuery;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** What platform operators do with tenants. */
public interface TenantAdministration {

  /** One page of tenants with their users and storage. */
  @Requires(Permission.OPERATE_PLATFORM)
  TenantPage tenants(TenantQuery query);

  /** Suspends an active tenant: its users and API clients are refused with the reason. */
  @Requires(Permission.OPERATE_PLATFORM)
  TenantRef suspend(String slug, String reason);

  @Requires(Permission.OPERATE_PLATFORM)
  TenantRef resume(String slug);

  /**
   * Sets how much content (files and texts) the tenant may keep; {@code null}: the platform's
   * default again. Content already stored stays; only new content is refused above the limit.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  TenantRef limitContent(String slug, Long bytes);

  /**
   * Writes the tenant's data as one file (zip of CSV per table and a manifest) to {@code out}.
   *
   * @return rows written per table
   */
  @Requires(Permission.OPERATE_PLATFORM)
  Map<String, Long> export(String slug, OutputStream out);

  /**
   * Reads an export into a tenant that holds no data yet, all or nothing.
   *
   * @return rows imported per table
   */
  @Requires(Permission.OPERATE_PLATFORM)
  Map<String, Long> importInto(String slug, InputStream archive);

  /**
   * Deletes a suspended tenant: exports it to a file on the server first, then drops its schema,
   * removes its Keycloak organization and forgets it. The confirmation must repeat the slug.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  DeletedTenant delete(String slug, String confirmation);

  /** The database servers that hold tenant schemas, with their weights and tenants. */
  @Requires(Permission.OPERATE_PLATFORM)
  List<DatabaseServerRow> databaseServers();

  /**
   * Registers a database server whose data sources ({@code jdbc/encaptio-<name>}, {@code
   * jdbc/encaptioMigrations-<name>}) the server configuration has; new tenants go where the fewest
   * are per unit of weight.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  DatabaseServerRow registerDatabaseServer(String name, int weight);

  /** Changes a database server's share of new tenants (0: none); its tenants stay. */
  @Requires(Permission.OPERATE_PLATFORM)
  DatabaseServerRow weighDatabaseServer(String name, int weight);

  /**
   * Moves the tenant's schema to another database server: the tenant is read-only meanwhile (reads
   * served, changes refused), its tables are copied through an export held against writes, imported
   * on the target, the registry switched on every node and the old copy dropped; on any failure
   * before the switch the tenant stays where it was, writable, and the target's copy is removed.
   * The export is kept as a file on the server.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  MovedTenant move(String slug, String server);

  /** A database server: its name, its share of new tenants and the tenants it holds. */
  record DatabaseServerRow(String name, int weight, long tenants) implements Serializable {

    public static DatabaseServerRow of(Placement.Load load) {
      return new DatabaseServerRow(load.server(), load.weight(), load.tenants());
    }
  }

  /** A finished move: where from and to, rows per table, and how long the tenant was read-only. */
  record MovedTenant(
      String slug,
      String from,
      String to,
      Map<String, Long> rows,
      long readOnlyMillis,
      String exportFile)
      implements Serializable {}

  /** Where the export of a deleted tenant was kept, and how many rows it holds per table. */
  record DeletedTenant(String slug, String exportFile, Map<String, Long> rows)
      implements Serializable {}

  /** A tenant on the operators' list. */
  record TenantRow(TenantOverview overview, long users) implements Serializable {}

  record TenantPage(List<TenantRow> rows, long total) implements Serializable {}
}
