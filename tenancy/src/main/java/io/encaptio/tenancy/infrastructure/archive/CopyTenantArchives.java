package io.encaptio.tenancy.infrastructure.archive;

import io.encaptio.tenancy.application.ServerDataSources;
import io.encaptio.tenancy.application.TenantArchives;
import io.encaptio.tenancy.domain.InvalidTenantException;
import io.encaptio.tenancy.domain.SchemaName;
import io.encaptio.tenancy.domain.TenantStateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Export and import through PostgreSQL's COPY in CSV, the database's own lossless text form of
 * every column type. Tables and columns are read from the catalogue, so new migrations need no
 * change here; names are quoted identifiers taken from the catalogue, never from the archive.
 * Tables whose comment starts with {@code derived:} are left out: triggers rebuild them from the
 * rows they derive from while those are copied in (the keyword index of the chunks). Rows are
 * written in primary-key order, so the same data always gives the same archive (a table's physical
 * order is not kept by a copy: PostgreSQL fills free space left on earlier pages). An import spools
 * the archive to temporary files first, so neither side holds a table in memory.
 */
@ApplicationScoped
public class CopyTenantArchives implements TenantArchives {

  private static final Logger LOG = Logger.getLogger(CopyTenantArchives.class.getName());

  static final String MANIFEST = "manifest.json";
  static final int FORMAT = 1;

  @Inject ServerDataSources dataSources;

  /**
   * What an archive may unpack to, all entries together: a compressed archive that unpacks to more
   * (a "zip bomb", or the wrong file) is refused before it fills the server's disk.
   */
  @Inject
  @ConfigProperty(name = "encaptio.import.max-unpacked-bytes", defaultValue = "17179869184")
  long maxUnpackedBytes;

  @Override
  public Map<String, Long> export(
      String server, SchemaName schema, String schemaVersion, OutputStream out) {
    try (Connection connection = dataSources.migrations(server).getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      Map<String, Long> rows =
          copyOut(connection, schema, tables(connection, schema), schemaVersion, out);
      connection.commit();
      return rows;
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Export of " + schema + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Hold exportHolding(
      String server,
      SchemaName schema,
      String schemaVersion,
      OutputStream out,
      java.time.Duration lockWait) {
    Connection connection = null;
    try {
      connection = dataSources.migrations(server).getConnection();
      // the table list is read before the transaction whose snapshot the copy uses
      connection.setAutoCommit(true);
      List<String> tables = tables(connection, schema);
      awaitWritersGone(connection, schema, lockWait);
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      hold(connection, schema, tables, lockWait);
      Map<String, Long> rows = copyOut(connection, schema, tables, schemaVersion, out);
      return new HeldExport(connection, schema, rows);
    } catch (SQLException | IOException e) {
      closeQuietly(connection);
      if (e instanceof SQLException sql
          && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        throw new TenantStateException(
            "Tenant data in "
                + schema
                + " was still being changed after "
                + lockWait.toSeconds()
                + " s (a long job?); nothing was moved, try again shortly.");
      }
      throw new IllegalStateException("Export of " + schema + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Waits (at most {@code lockWait}) until no transaction that began before this wait holds a write
   * lock on the schema's tables: writes that began before the tenant became read-only end first, so
   * the hold rarely meets one half-way (a deadlock). Transactions begun since are read-only (the
   * tenant was made read-only on every node before the export): their writes fail at once, but each
   * takes the table's write lock for a moment, and a client retrying as fast as it can keeps one
   * there nearly always, so they are not waited for (the hold waits for them, ms each).
   */
  private static void awaitWritersGone(
      Connection connection, SchemaName schema, java.time.Duration lockWait) throws SQLException {
    long until = System.nanoTime() + lockWait.toNanos();
    try (PreparedStatement writers =
        connection.prepareStatement(
            "select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " join pg_stat_activity a on a.pid = l.pid where n.nspname = ?"
                + " and l.mode = 'RowExclusiveLock' and l.granted"
                + " and l.pid <> pg_backend_pid() and a.xact_start < ?")) {
      writers.setString(1, schema.value());
      writers.setObject(2, startedAt(connection));
      while (true) {
        try (ResultSet count = writers.executeQuery()) {
          count.next();
          if (count.getLong(1) == 0 || System.nanoTime() > until) {
            return;
          }
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The database server's clock now (transactions are compared with it, not with ours). */
  private static java.time.OffsetDateTime startedAt(Connection connection) throws SQLException {
    try (PreparedStatement now = connection.prepareStatement("select clock_timestamp()");
        ResultSet row = now.executeQuery()) {
      row.next();
      return row.getObject(1, java.time.OffsetDateTime.class);
    }
  }

  /** How often a hold is tried again after PostgreSQL broke a deadlock by cancelling it. */
  static final int HOLD_ATTEMPTS = 5;

  /**
   * Locks the tables in SHARE mode: reads go on; a write waits (and one in progress is waited for)
   * until the hold ends. Taken before the first query, so the copy's snapshot follows every change
   * before. A transaction that writes one table while this waits for it and then wants one this
   * holds is a deadlock PostgreSQL breaks by cancelling one side: when it is this one, it lets go
   * of everything and tries again (the writer has finished by then).
   */
  private static void hold(
      Connection connection, SchemaName schema, List<String> tables, java.time.Duration lockWait)
      throws SQLException {
    if (tables.isEmpty()) {
      return;
    }
    String lockAll =
        "LOCK TABLE "
            + String.join(", ", tables.stream().map(t -> qualified(schema, t)).toList())
            + " IN SHARE MODE";
    for (int attempt = 1; ; attempt++) {
      try (Statement lock = connection.createStatement()) {
        lock.execute("SET LOCAL lock_timeout = '" + lockWait.toMillis() + "ms'");
        lock.execute(lockAll);
        return;
      } catch (SQLException e) {
        connection.rollback();
        if (!"40P01".equals(e.getSQLState()) || attempt == HOLD_ATTEMPTS) {
          throw e;
        }
        LOG.info(() -> "Holding " + schema + " met a deadlock; trying again");
      }
    }
  }

  /** Writes the tables (and the manifest) into the zip, on the caller's transaction. */
  private static Map<String, Long> copyOut(
      Connection connection,
      SchemaName schema,
      List<String> tables,
      String schemaVersion,
      OutputStream out)
      throws SQLException, IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : tables) {
      zip.putNextEntry(new ZipEntry(table + ".csv"));
      rows.put(
          table,
          copy.copyOut(
              "COPY (SELECT "
                  + String.join(", ", storedColumns(connection, schema, table))
                  + " FROM ONLY "
                  + qualified(schema, table)
                  + orderByPrimaryKey(connection, schema, table)
                  + ") TO STDOUT WITH (FORMAT csv, HEADER)",
              new NonClosing(zip)));
      zip.closeEntry();
    }
    zip.putNextEntry(new ZipEntry(MANIFEST));
    zip.write(manifest(schemaVersion, rows).toString().getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.finish(); // the caller's stream stays open: the caller closes it
    out.flush();
    return rows;
  }

  /** An export whose transaction still holds the schema's tables. */
  private static final class HeldExport implements Hold {
    private final Connection connection;
    private final SchemaName schema;
    private final Map<String, Long> rows;

    HeldExport(Connection connection, SchemaName schema, Map<String, Long> rows) {
      this.connection = connection;
      this.schema = schema;
      this.rows = rows;
    }

    @Override
    public Map<String, Long> rows() {
      return rows;
    }

    @Override
    public void dropSource() {
      try (Statement drop = connection.createStatement()) {
        drop.execute("SET LOCAL lock_timeout = '30s'");
        drop.execute("DROP SCHEMA " + "\"" + schema.value() + "\"" + " CASCADE");
        connection.commit();
      } catch (SQLException e) {
        throw new IllegalStateException(
            "The copy of " + schema + " could not be dropped: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      closeQuietly(connection);
    }
  }

  /** Ends the connection's transaction (rolled back unless committed) and closes it. */
  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
      connection.close();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Closing an export's connection failed", e);
    }
  }

  @Override
  public Map<String, Long> importInto(
      String server, SchemaName schema, String schemaVersion, InputStream in) {
    Path spool = null;
    try {
      spool = Files.createTempDirectory("encaptio-import-");
      return importFrom(
          dataSources.migrations(server),
          schema,
          schemaVersion,
          spooled(in, spool, maxUnpackedBytes));
    } catch (IOException e) {
      throw new IllegalStateException(
          "The archive could not be spooled to a temporary file: " + e.getMessage(), e);
    } finally {
      delete(spool);
    }
  }

  /** The spooled archive's tables copied in, in one transaction. */
  private Map<String, Long> importFrom(
      DataSource dataSource, SchemaName schema, String schemaVersion, Map<String, Path> entries) {
    JsonObject manifest = manifestOf(entries);
    if (!schemaVersion.equals(manifest.getString("schemaVersion"))) {
      throw invalidArchive(
          "The archive holds schema version "
              + manifest.getString("schemaVersion")
              + " but the tenant is at "
              + schemaVersion
              + "; migrate both to the same version.");
    }
    String table = null;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (Statement settings = connection.createStatement()) {
          // Tables come in name order, not in the order their foreign keys need; tenant
          // migrations declare foreign keys DEFERRABLE, so they are checked once, at commit.
          settings.execute("SET CONSTRAINTS ALL DEFERRED");
          // The target is a new tenant nobody uses yet: a lock held elsewhere is a fault to
          // report, not to wait for.
          settings.execute("SET LOCAL lock_timeout = '30s'");
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String name : tables(connection, schema)) {
          Path csv = entries.get(name + ".csv");
          if (csv == null) {
            continue;
          }
          table = name;
          if (hasRows(connection, schema, name)) {
            throw new TenantStateException(
                "Table "
                    + name
                    + " of the target tenant already holds data; import only into a new tenant.");
          }
          try (InputStream data = Files.newInputStream(csv)) {
            rows.put(
                name,
                copy.copyIn(
                    "COPY " + qualified(schema, name) + " FROM STDIN WITH (FORMAT csv, HEADER)",
                    data));
          }
        }
        table = null;
        connection.commit();
        return rows;
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException | IOException e) {
      String where = table == null ? "" : " at table " + table;
      LOG.log(Level.WARNING, "Import into " + schema + " failed" + where, e);
      throw new IllegalStateException(
          "Import into " + schema + " failed" + where + ": " + e.getMessage(), e);
    }
  }

  private static List<String> tables(Connection connection, SchemaName schema) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select table_name from information_schema.tables where table_schema = ?"
                + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'"
                + " and coalesce(obj_description(format('%I.%I', table_schema, table_name)"
                + "::regclass, 'pg_class'), '') not like 'derived:%'"
                + " order by table_name")) {
      query.setString(1, schema.value());
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      return tables;
    }
  }

  /**
   * The columns a plain COPY of the table writes and reads, in table order: generated columns are
   * left out (the import recomputes them), as {@code COPY table} does.
   */
  private static List<String> storedColumns(Connection connection, SchemaName schema, String table)
      throws SQLException {
    return quotedNames(
        connection,
        "select attname from pg_attribute where attnum > 0 and not attisdropped"
            + " and attgenerated = '' and attrelid = format('%I.%I', ?::text, ?::text)::regclass"
            + " order by attnum",
        schema,
        table);
  }

  /** " ORDER BY" the table's primary-key columns (quoted, from the catalogue), or "" if none. */
  private static String orderByPrimaryKey(Connection connection, SchemaName schema, String table)
      throws SQLException {
    List<String> columns =
        quotedNames(
            connection,
            "select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid"
                + " and a.attnum = any (i.indkey) where i.indisprimary"
                + " and i.indrelid = format('%I.%I', ?::text, ?::text)::regclass"
                + " order by array_position(i.indkey::int2[], a.attnum)",
            schema,
            table);
    return columns.isEmpty() ? "" : " ORDER BY " + String.join(", ", columns);
  }

  /** The column names a catalogue query for one table gives, as quoted identifiers. */
  private static List<String> quotedNames(
      Connection connection, String sql, SchemaName schema, String table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, schema.value());
      query.setString(2, table);
      List<String> columns = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          columns.add("\"" + rows.getString(1).replace("\"", "\"\"") + "\"");
        }
      }
      return columns;
    }
  }

  private static boolean hasRows(Connection connection, SchemaName schema, String table)
      throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement(
                "select exists (select 1 from " + qualified(schema, table) + ")");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getBoolean(1);
    }
  }

  /** Schema and table as quoted identifiers; the table name comes from the catalogue. */
  private static String qualified(SchemaName schema, String table) {
    return "\"" + schema.value() + "\".\"" + table.replace("\"", "\"\"") + "\"";
  }

  private static JsonObject manifest(String schemaVersion, Map<String, Long> rows) {
    JsonObjectBuilder tables = Json.createObjectBuilder();
    rows.forEach(tables::add);
    return Json.createObjectBuilder()
        .add("format", FORMAT)
        .add("schemaVersion", schemaVersion)
        .add("rows", tables)
        .build();
  }

  /**
   * The archive's tables and manifest written to files of {@code dir}, by entry name: the heap
   * holds no table, however large. Files are numbered; entry names (from the archive) never become
   * paths. Other entries are skipped unread; more than {@code maxBytes} unpacked is refused.
   */
  static Map<String, Path> spooled(InputStream in, Path dir, long maxBytes) throws IOException {
    Map<String, Path> entries = new LinkedHashMap<>();
    int files = 0;
    long left = maxBytes;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        boolean kept = !entry.isDirectory() && (name.equals(MANIFEST) || name.endsWith(".csv"));
        Path file = kept ? dir.resolve("entry-" + files++) : null;
        // other entries are read to their end too (unzipping skips them so), and counted
        try (OutputStream out =
            kept ? Files.newOutputStream(file) : OutputStream.nullOutputStream()) {
          for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
            left -= n;
            if (left < 0) {
              throw invalidArchive(
                  "The archive unpacks to more than "
                      + maxBytes
                      + " bytes, the most an import takes (encaptio.import.max-unpacked-bytes);"
                      + " nothing was imported.");
            }
            out.write(buffer, 0, n);
          }
        }
        if (kept) {
          entries.put(name, file);
        }
      }
    } catch (ZipException | EOFException e) {
      throw invalidArchive(
          "The file is not a tenant export (not a readable zip, or cut short): " + e.getMessage());
    }
    return entries;
  }

  private static JsonObject manifestOf(Map<String, Path> entries) {
    Path manifest = entries.get(MANIFEST);
    if (manifest == null) {
      throw invalidArchive("The file is not a tenant export: it has no " + MANIFEST + ".");
    }
    try (var reader = Json.createReader(Files.newBufferedReader(manifest))) {
      JsonObject json = reader.readObject();
      if (json.getInt("format", 0) != FORMAT) {
        throw invalidArchive("Unknown tenant export format " + json.get("format") + ".");
      }
      return json;
    } catch (IOException | JsonException e) {
      throw invalidArchive("The archive's " + MANIFEST + " is not readable JSON.");
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Temporary import files left in " + dir, e);
    }
  }

  /** Lets COPY write into the current zip entry without closing the zip. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private static InvalidTenantException invalidArchive(String problem) {
    return new InvalidTenantException(Map.of("archive", problem));
  }
}
