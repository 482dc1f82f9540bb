package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.SchemaName;

/** Versioned migrations of the platform schema and of every tenant schema. */
public interface SchemaMigrations {

  /** Creates or upgrades the {@code platform} schema. Returns the schema version reached. */
  String migratePlatform();

  /** Creates the tenant's empty schema if it does not exist yet. */
  void createSchema(SchemaName schema);

  /** Drops the tenant's schema and everything in it, if it exists. */
  void dropSchema(SchemaName schema);

  /** Creates the tenant's schema if needed and applies every tenant migration to it. */
  String migrateTenant(SchemaName schema);

  /** The version a tenant schema has once every tenant migration this build ships is applied. */
  String latestTenantVersion();
}
