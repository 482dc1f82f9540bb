package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.SchemaName;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * A tenant's data as one file: written from its schema, read into another tenant's schema. The
 * format is a zip of a manifest (schema version, tables, row counts) and one CSV per table.
 */
public interface TenantArchives {

  /** Writes every table of the schema (not the migration history); returns rows per table. */
  Map<String, Long> export(SchemaName schema, String schemaVersion, OutputStream out);

  /**
   * Reads an archive into the schema, all tables in one transaction: either every row arrives or
   * none. Refused when the archive's schema version differs or the target already holds data.
   *
   * @return rows per table
   */
  Map<String, Long> importInto(SchemaName schema, String schemaVersion, InputStream in);
}
