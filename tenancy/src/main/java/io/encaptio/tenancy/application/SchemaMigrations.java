package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.SchemaName;

/**
 * Versioned migrations of the platform schema and of every tenant schema; a tenant's schema is on
 * the database server its registry entry names.
 */
public interface SchemaMigrations {

  /** Creates or upgrades the {@code platform} schema. Returns the schema version reached. */
  String migratePlatform();

  /**
   * Creates or upgrades the {@code platform} schema on another database server, where its tables
   * stay empty: early tenant migrations name them (V3 queued the ingestion of content older than
   * the queue), so a tenant schema can only be made where they exist.
   */
  String migratePlatform(String server);

  /** Drops the tenant's schema on the server and everything in it, if it exists. */
  void dropSchema(String server, SchemaName schema);

  /**
   * Creates the tenant's schema on the server if needed and applies every tenant migration. A
   * schema made here costs the same whatever the number of schemas in the database; one that exists
   * without migrations (an interrupted earlier run) is first checked to be empty, a search of the
   * whole catalog.
   */
  String migrateTenant(String server, SchemaName schema);

  /** The version a tenant schema has once every tenant migration this build ships is applied. */
  String latestTenantVersion();
}
