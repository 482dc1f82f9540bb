package it.encaptio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The restore drill: a PostgreSQL cluster of the scripts' own (port 5544, its own state folder)
 * holds a copy of the test database with WAL archiving on (backup.sh setup, default archive timeout
 * of 60 s); a base backup is taken, every tenant gets one more conversation, the time T is noted,
 * every tenant gets another one, a writer keeps committing a row every 200 ms; the cluster is
 * destroyed (immediate stop, data folder deleted). {@code backup.sh restore --to latest} brings
 * back everything archived before the loss (what is missing is the RPO), and {@code --to T} every
 * tenant's tables with exactly the rows they had at T, the conversation before T with its message,
 * and not the one after. Figures go to target/backup-drill.txt.
 */
class BackupDrillIT {

  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  private static final Path STATE = ROOT.resolve(".run/backup-drill");
  private static final String PORT = "5544";
  private static final String DRILL_URL = "jdbc:postgresql://127.0.0.1:" + PORT + "/encaptio";

  @AfterAll
  static void stopDrillCluster() throws Exception {
    script("postgres.sh", "stop");
    deleteState();
  }

  @Test
  void aDestroyedDatabaseComesBackToTheLastArchivedChangeAndToAPointInTime() throws Exception {
    freshDrillCluster();
    copyTestDatabase();
    script("backup.sh", "setup");
    script("backup.sh", "base");

    List<String> schemas;
    Map<String, Long> atT;
    Map<String, UUID> before = new TreeMap<>();
    Map<String, UUID> after = new TreeMap<>();
    try (Connection db = drill()) {
      schemas = tenantSchemas(db);
      assertThat(schemas).as("tenants in the copy").hasSizeGreaterThanOrEqualTo(3);
      for (String schema : schemas) {
        if (hasCapsule(db, schema)) {
          before.put(schema, conversation(db, schema, "before T"));
        }
      }
      assertThat(before).as("tenants with a capsule").isNotEmpty();
      atT = rowCounts(db, schemas);
    }
    Thread.sleep(1_500);
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Thread.sleep(1_500);
    String afterSegment;
    try (Connection db = drill()) {
      for (String schema : before.keySet()) {
        after.put(schema, conversation(db, schema, "after T"));
      }
      afterSegment = single(db, "SELECT pg_walfile_name(pg_current_wal_lsn())");
      db.createStatement().execute("CREATE TABLE public.drill_tick (at timestamptz NOT NULL)");
    }

    // A writer commits until the loss; the archive has everything up to a minute before it.
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread writer = new Thread(() -> tick(writing));
    writer.start();
    try (Connection db = drill()) {
      ItEnvironment.await(
          "the WAL with the conversations after T archived",
          Duration.ofSeconds(150),
          () -> lastArchived(db).compareTo(afterSegment) >= 0);
    }
    Thread.sleep(5_000);
    Instant lost = destroyCluster(writing, writer);

    // Restore to the last archived change: what is missing is the data loss (RPO).
    Map<String, String> latest = script("backup.sh", "restore", "--to", "latest");
    Instant newestTick;
    try (Connection db = drill()) {
      newestTick = newestTick(db);
      assertThat(rowCounts(db, schemas).keySet()).isEqualTo(atT.keySet());
      for (String schema : after.keySet()) {
        assertThat(messageOf(db, schema, after.get(schema))).isEqualTo("after T");
      }
    }
    double rpo = Duration.between(newestTick, lost).toMillis() / 1000.0;
    assertThat(rpo).as("seconds of commits lost (archive timeout 60 s)").isBetween(0.0, 65.0);

    // Restore to T: every tenant exactly as it was at T.
    Map<String, String> toT = script("backup.sh", "restore", "--to", t.toString());
    // Times that cannot be restored to are refused with the reason; the cluster stays as it is.
    assertThat(refused("restore", "--to", "not-a-time")).contains("is not a time");
    assertThat(refused("restore", "--to", "2099-01-01T00:00:00Z")).contains("later than now");
    try (Connection db = drill()) {
      assertThat(rowCounts(db, schemas)).as("every tenant table's rows at T").isEqualTo(atT);
      for (String schema : before.keySet()) {
        assertThat(messageOf(db, schema, before.get(schema))).isEqualTo("before T");
        assertThat(messageOf(db, schema, after.get(schema))).as("written after T").isNull();
      }
      long size;
      try (ResultSet rows =
          db.createStatement().executeQuery("SELECT pg_database_size('encaptio')")) {
        rows.next();
        size = rows.getLong(1);
      }
      String report =
          String.format(
              "backup drill %s%n  database %d MB, %d tenants, %d tenant tables%n"
                  + "  restore to the last archived change: %s s (RPO measured: %.1f s of commits"
                  + " lost; bound: the 60 s archive timeout)%n"
                  + "  restore to a point in time: %s s%n",
              Instant.now(),
              size / 1_000_000,
              schemas.size(),
              atT.size(),
              latest.get("restore-seconds"),
              rpo,
              toT.get("restore-seconds"));
      Files.writeString(Path.of("target/backup-drill.txt"), report);
      System.out.print(report);
    }
  }

  private static void freshDrillCluster() throws Exception {
    script("postgres.sh", "stop");
    deleteState();
    script("postgres.sh", "start");
  }

  private static void deleteState() throws Exception {
    run(new ProcessBuilder("rm", "-rf", STATE.toString()), "removing " + STATE);
  }

  /** The test server's database, as it is now, into the drill cluster's. */
  private static void copyTestDatabase() throws Exception {
    String bin = "/usr/lib/postgresql/15/bin/";
    String command =
        bin
            + "pg_dump -h 127.0.0.1 -p "
            + env("ENCAPTIO_DB_PORT", "5432")
            + " -U "
            + env("ENCAPTIO_DB_USER", "encaptio")
            + " -d "
            + env("ENCAPTIO_DB_NAME", "encaptio")
            + " | "
            + bin
            + "psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "
            + PORT
            + " -U postgres -d encaptio";
    ProcessBuilder copy = new ProcessBuilder("bash", "-o", "pipefail", "-c", command);
    copy.environment().put("PGPASSWORD", env("ENCAPTIO_DB_PASSWORD", "encaptio-dev"));
    run(copy, "copy of the test database");
  }

  private static Instant destroyCluster(AtomicBoolean writing, Thread writer) throws Exception {
    Path pgdata = STATE.resolve("pgdata");
    ProcessBuilder crash =
        new ProcessBuilder(
            "bash",
            "-c",
            "pid=$(head -n 1 '"
                + pgdata
                + "/postmaster.pid') && kill -9 $pid && while kill -0 $pid 2>/dev/null; do sleep 0.1; done && rm -rf '"
                + pgdata
                + "'");
    Instant lost = Instant.now();
    run(crash, "destroying the drill cluster");
    writing.set(false);
    writer.join(10_000);
    return lost;
  }

  private static void tick(AtomicBoolean writing) {
    try (Connection db = drill()) {
      while (writing.get()) {
        db.createStatement().execute("INSERT INTO public.drill_tick VALUES (clock_timestamp())");
        Thread.sleep(200);
      }
    } catch (SQLException | InterruptedException e) {
      // the cluster is gone: the writer stops
    }
  }

  private static Connection drill() throws SQLException {
    return DriverManager.getConnection(DRILL_URL, "postgres", "");
  }

  private static List<String> tenantSchemas(Connection db) throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (ResultSet rows =
        db.createStatement()
            .executeQuery("SELECT schema_name FROM platform.tenants ORDER BY schema_name")) {
      while (rows.next()) {
        schemas.add(rows.getString(1));
      }
    }
    return schemas;
  }

  /** Every table of every tenant schema with its exact row count. */
  private static Map<String, Long> rowCounts(Connection db, List<String> schemas)
      throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    List<String> tables = new ArrayList<>();
    try (var query =
        db.prepareStatement(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                + " WHERE table_schema = ANY (?) AND table_type = 'BASE TABLE'")) {
      query.setArray(1, db.createArrayOf("text", schemas.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
    }
    try (Statement count = db.createStatement()) {
      for (String table : tables) {
        try (ResultSet rows = count.executeQuery("SELECT count(*) FROM " + table)) {
          rows.next();
          counts.put(table, rows.getLong(1));
        }
      }
    }
    return counts;
  }

  private static boolean hasCapsule(Connection db, String schema) throws SQLException {
    return Long.parseLong(single(db, "SELECT count(*) FROM " + schema + ".capsule")) > 0;
  }

  /** A playground conversation with one visitor message, in the tenant's first capsule. */
  private static UUID conversation(Connection db, String schema, String text) throws SQLException {
    UUID id = UUID.randomUUID();
    try (Statement sql = db.createStatement()) {
      sql.execute(
          "INSERT INTO "
              + schema
              + ".conversation (id, capsule_id, channel, started_by, started_at, last_at)"
              + " SELECT '"
              + id
              + "', id, 'playground', 'backup-drill', now(), now() FROM "
              + schema
              + ".capsule ORDER BY id LIMIT 1");
      sql.execute(
          "INSERT INTO "
              + schema
              + ".message (id, conversation_id, ordinal, role, text, created_at) VALUES ('"
              + UUID.randomUUID()
              + "', '"
              + id
              + "', 0, 'visitor', '"
              + text
              + "', now())");
    }
    return id;
  }

  private static String messageOf(Connection db, String schema, UUID conversation)
      throws SQLException {
    try (ResultSet rows =
        db.createStatement()
            .executeQuery(
                "SELECT text FROM "
                    + schema
                    + ".message WHERE conversation_id = '"
                    + conversation
                    + "'")) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  private static String single(Connection db, String sql) throws SQLException {
    try (ResultSet rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** The newest WAL segment the archiver has copied (names sort in WAL order on a timeline). */
  private static String lastArchived(Connection db) {
    try {
      String segment = single(db, "SELECT last_archived_wal FROM pg_stat_archiver");
      return segment == null ? "" : segment;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant newestTick(Connection db) throws SQLException {
    try (ResultSet rows =
        db.createStatement().executeQuery("SELECT max(at) FROM public.drill_tick")) {
      rows.next();
      return rows.getTimestamp(1).toInstant();
    }
  }

  /** Runs a script of liberty-config/scripts against the drill cluster; its key=value lines. */
  private static Map<String, String> script(String name, String... args) throws Exception {
    ProcessBuilder builder = drillScript(name, args);
    String out = run(builder, name + " " + String.join(" ", args));
    Map<String, String> values = new TreeMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("[")) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return values;
  }

  /** backup.sh run with {@code args} must fail; what it said. */
  private static String refused(String... args) throws Exception {
    Process process = drillScript("backup.sh", args).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as("backup.sh " + String.join(" ", args) + ": " + out)
        .isNotZero();
    return out;
  }

  private static ProcessBuilder drillScript(String name, String... args) {
    List<String> command =
        new ArrayList<>(List.of(ROOT.resolve("liberty-config/scripts/" + name).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("ENCAPTIO_STATE", STATE.toString());
    builder.environment().put("ENCAPTIO_DB_PORT", PORT);
    builder.environment().put("ENCAPTIO_DB_NAME", "encaptio");
    builder.environment().put("ENCAPTIO_BACKUP_ARCHIVE_TIMEOUT", "60");
    builder.environment().remove("ENCAPTIO_FRESH_TEST_DB");
    builder.environment().remove("ENCAPTIO_EXPORT_DIR");
    return builder;
  }

  private static String run(ProcessBuilder builder, String what) throws Exception {
    return ItEnvironment.run(builder, what);
  }

  private static String env(String name, String fallback) {
    return ItEnvironment.env(name, fallback);
  }
}
