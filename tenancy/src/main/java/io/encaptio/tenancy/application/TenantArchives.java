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

  /**
   * Writes every table of the schema on the server (not the migration history); returns rows per
   * table.
   */
  Map<String, Long> export(
      String server, SchemaName schema, String schemaVersion, OutputStream out);

  /**
   * Reads an archive into the schema on the server, all tables in one transaction: either every row
   * arrives or none. Refused when the archive's schema version differs or the target already holds
   * data.
   *
   * @return rows per table
   */
  Map<String, Long> importInto(
      String server, SchemaName schema, String schemaVersion, InputStream in);

  /**
   * Writes the schema like {@link #export} while holding its tables against writes (reads go on),
   * and keeps holding them until the returned hold is closed: the way to move a tenant without a
   * change slipping in after its copy. Waits at most {@code lockWait} for changes in progress, and
   * is refused with the reason if they do not end.
   */
  Hold exportHolding(
      String server,
      SchemaName schema,
      String schemaVersion,
      OutputStream out,
      java.time.Duration lockWait);

  /** Tables held against writes after an export; closing without {@link #dropSource} lets go. */
  interface Hold extends AutoCloseable {

    /** Rows written per table. */
    Map<String, Long> rows();

    /**
     * Drops the exported schema while still holding it: a change that was waiting fails instead of
     * landing in the dropped copy.
     */
    void dropSource();

    @Override
    void close();
  }
}
