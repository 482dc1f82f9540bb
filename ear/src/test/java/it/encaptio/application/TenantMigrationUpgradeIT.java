package it.encaptio.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.encaptio.infrastructure.migration.ServiceMigrations;
import io.encaptio.tenancy.domain.SchemaName;
import io.encaptio.tenancy.infrastructure.migration.FlywaySchemaMigrations;
import it.encaptio.ItEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Tenant schemas made before the product's tables moved out of tenancy (the scripts as they were
 * then, kept byte for byte in {@code db/legacy-tenant}) are taken over by the services module's
 * migrations in place: no script runs again, no row changes, and the schema is the same as one made
 * by the new layout from scratch.
 */
class TenantMigrationUpgradeIT {

  private static final String LEGACY = "classpath:db/legacy-tenant";

  /** The last version of the old layout (the copy's scripts are V1 to V13). */
  private static final int LEGACY_LAST_VERSION = 13;

  private final DataSource dataSource = dataSource();
  private final List<SchemaName> made = new ArrayList<>();

  @AfterEach
  void dropSchemas() throws SQLException {
    try (Connection db = dataSource.getConnection();
        Statement drop = db.createStatement()) {
      for (SchemaName schema : made) {
        drop.execute("DROP SCHEMA IF EXISTS \"" + schema.value() + "\" CASCADE");
      }
    }
  }

  @Test
  void aSchemaMadeByTheOldLayoutIsMigratedInPlaceWithNothingRunAgainAndNoDataTouched()
      throws SQLException {
    SchemaName schema = newSchema();
    flyway(schema, LEGACY).load().migrate();
    fillWithData(schema);
    List<String> historyBefore = history(schema);
    Map<String, List<String>> columnsBefore = columns(schema);
    Map<String, String> dataBefore = tableContents(schema, columnsBefore);

    String version = ServiceMigrations.of(dataSource).migrateTenant("main", schema);

    assertThat(version).isEqualTo(ServiceMigrations.of(dataSource).latestTenantVersion());
    List<String> historyAfter = history(schema);
    assertThat(historyAfter.subList(0, historyBefore.size()))
        .as("no migration applied again")
        .isEqualTo(historyBefore);
    assertThat(versions(schema).subList(historyBefore.size(), historyAfter.size()))
        .as("only the versions the old layout did not have")
        .allMatch(v -> Integer.parseInt(v) > LEGACY_LAST_VERSION);
    assertThat(tableContents(schema, columnsBefore))
        .as("rows of every table, in the columns they had")
        .isEqualTo(dataBefore);
    assertThat(dataBefore)
        .as("the test data is there, the keyword index's tables filled by the chunk's triggers")
        .hasEntrySatisfying("capsule", rows -> assertThat(rows).startsWith("1 "))
        .hasEntrySatisfying("lead_conversation", rows -> assertThat(rows).startsWith("1 "))
        .hasEntrySatisfying("keyword_term", rows -> assertThat(rows).doesNotStartWith("0 "));
  }

  /**
   * Schemas grow the system catalogs; with PostgreSQL's autovacuum off (as here) or late, their
   * statistics would stay those of a small database and catalog look-ups would walk every tenant's
   * entries. Making a tenant schema analyzes the catalogs that grew past their statistics.
   */
  @Test
  void makingATenantSchemaAnalyzesTheSystemCatalogsThatOutgrewTheirStatistics()
      throws SQLException {
    SchemaName scratch = newSchema();
    try (Connection db = dataSource.getConnection();
        Statement statement = db.createStatement()) {
      statement.execute("CREATE SCHEMA \"" + scratch.value() + "\"");
      // functions grow pg_catalog.pg_proc without a lock on any table; bodies just short of
      // being moved out to TOAST, four to a page: a few hundred do in a small database, more
      // where pg_proc is already large (a fifth of its pages)
      String body = "SELECT 1 -- " + "x".repeat(1_800);
      int enough = 3_000 + 2 * pageCount(statement, "pg_proc");
      for (int made = 0; staleCatalogs(statement).isEmpty(); made += 100) {
        assertThat(made).as("functions made to outgrow pg_proc's statistics").isLessThan(enough);
        statement.execute(
            "DO $$ BEGIN FOR i IN "
                + made
                + " .. "
                + (made + 99)
                + " LOOP EXECUTE format('CREATE FUNCTION \""
                + scratch.value()
                + "\".f%s() RETURNS int LANGUAGE sql AS %L', i, '"
                + body
                + "'); END LOOP; END $$");
      }

      ServiceMigrations.of(dataSource).migrateTenant("main", newSchema());

      assertThat(staleCatalogs(statement))
          .as("catalogs with more pages than their statistics counted, by a fifth")
          .isEmpty();
    }
  }

  private static int pageCount(Statement statement, String catalog) throws SQLException {
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT relpages FROM pg_catalog.pg_class WHERE oid = 'pg_catalog."
                + catalog
                + "'::regclass")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static List<String> staleCatalogs(Statement statement) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(FlywaySchemaMigrations.STALE_STATISTICS)) {
      while (rows.next()) {
        stale.add(rows.getString(1));
      }
    }
    return stale;
  }

  @Test
  void theNewLayoutMakesTheSameSchemaAsTheOldOne() throws SQLException {
    SchemaName legacy = newSchema();
    flyway(legacy, LEGACY).load().migrate();
    SchemaName fresh = newSchema();

    // The services module's scripts up to the last version the old layout had.
    flyway(fresh, ServiceMigrations.TENANT_MIGRATIONS)
        .target(String.valueOf(LEGACY_LAST_VERSION))
        .load()
        .migrate();

    assertThat(catalog(fresh)).isEqualTo(catalog(legacy)).isNotEmpty();
    assertThat(checksums(fresh)).isEqualTo(checksums(legacy));
  }

  /**
   * A new tenant's schema is made from the newest baseline (B, written by {@code encaptio.sh
   * baseline}) instead of replaying every migration: it must be the schema the migrations make. A
   * migration added after the baseline without writing it again still runs on top of it.
   */
  @Test
  void aNewSchemaIsMadeFromTheBaselineAndIsTheSchemaEveryMigrationMakes() throws SQLException {
    SchemaName replayed = newSchema();
    flyway(replayed, ServiceMigrations.TENANT_MIGRATIONS).load().migrate();
    SchemaName fresh = newSchema();

    String version = ServiceMigrations.of(dataSource).migrateTenant("main", fresh);

    assertThat(version).isEqualTo(ServiceMigrations.of(dataSource).latestTenantVersion());
    assertThat(typedVersions(fresh))
        .as("the baseline ran, then only migrations after it")
        .first()
        .asString()
        .startsWith("SQL_BASELINE ");
    assertThat(catalog(fresh))
        .as("columns, indexes, constraints, triggers, functions, comments")
        .isEqualTo(catalog(replayed))
        .isNotEmpty();
  }

  /**
   * Baselines stay once written, since a schema made from one names it in its history: with a
   * migration after the current one and a newer baseline beside them (written here to a scratch
   * location), a schema made from the current baseline takes only the new migration, and a new
   * schema starts from the newer baseline.
   */
  @Test
  void aSchemaMadeFromABaselineMigratesOnWhenANewerBaselineIsWritten(@TempDir Path later)
      throws Exception {
    SchemaName fromCurrent = newSchema();
    ServiceMigrations.of(dataSource).migrateTenant("main", fromCurrent);
    String current = ServiceMigrations.of(dataSource).latestTenantVersion();
    int next = Integer.parseInt(current) + 1;
    String change = "CREATE TABLE later_probe (id uuid PRIMARY KEY);\n";
    Files.writeString(later.resolve("V" + next + "__later_probe.sql"), change);
    Files.writeString(later.resolve("B" + next + "__tenant_schema.sql"), change);
    List<String> locations = new ArrayList<>(ServiceMigrations.TENANT);
    locations.add("filesystem:" + later);
    FlywaySchemaMigrations withLater =
        new FlywaySchemaMigrations(
            server -> dataSource,
            ServiceMigrations.class.getClassLoader(),
            ServiceMigrations.PLATFORM,
            locations);

    assertThat(withLater.migrateTenant("main", fromCurrent)).isEqualTo(String.valueOf(next));
    SchemaName fresh = newSchema();
    assertThat(withLater.migrateTenant("main", fresh)).isEqualTo(String.valueOf(next));

    assertThat(typedVersions(fromCurrent))
        .as("the current baseline, then only the new migration")
        .containsExactly("SQL_BASELINE " + current, "SQL " + next);
    assertThat(typedVersions(fresh)).containsExactly("SQL_BASELINE " + next);
    assertThat(tables(fromCurrent)).contains("later_probe", "capsule");
    assertThat(tables(fresh)).containsExactly("flyway_schema_history", "later_probe");
  }

  private List<String> typedVersions(SchemaName schema) throws SQLException {
    return rows(
        "SELECT type || ' ' || version FROM \""
            + schema.value()
            + "\".flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
  }

  private SchemaName newSchema() {
    SchemaName schema = SchemaName.forTenant(UUID.randomUUID());
    made.add(schema);
    return schema;
  }

  /** Flyway for one location's scripts into {@code schema}, made by Flyway, without a baseline. */
  private FluentConfiguration flyway(SchemaName schema, String location) {
    return Flyway.configure(ServiceMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .schemas(schema.value())
        .defaultSchema(schema.value())
        .createSchemas(true)
        .locations(location)
        .failOnMissingLocations(true);
  }

  /** A row in most tables, the chunk's triggers filling the keyword index's tables too. */
  private void fillWithData(SchemaName schema) throws SQLException {
    String vector =
        IntStream.range(0, 384)
            .mapToObj(i -> String.valueOf((i % 7) / 10.0))
            .collect(Collectors.joining(",", "[", "]"));
    String s = "\"" + schema.value() + "\".";
    UUID capsule = UUID.randomUUID();
    UUID item = UUID.randomUUID();
    UUID conversation = UUID.randomUUID();
    UUID lead = UUID.randomUUID();
    try (Connection db = dataSource.getConnection();
        Statement insert = db.createStatement()) {
      insert.execute(
          "INSERT INTO "
              + s
              + "user_profile (subject, username, email, sign_in_count)"
              + " VALUES ('sub-1', 'alice', 'alice@example.com', 3)");
      insert.execute(
          "INSERT INTO "
              + s
              + "capsule (id, name, status, template, draft_settings, published_version,"
              + " published_at, embedding_model, chunk_tokens, chunk_overlap, allowed_origins)"
              + " VALUES ('"
              + capsule
              + "', 'Harbour Loft', 'published', 'real-estate', '{\"tone\":\"warm\"}', 1, now(),"
              + " 'bge-small-en-v1.5-q', 240, 40, '[\"https://example.com\"]')");
      insert.execute(
          "INSERT INTO "
              + s
              + "capsule_version (id, capsule_id, number, name, settings, published_by,"
              + " published_at) VALUES (gen_random_uuid(), '"
              + capsule
              + "', 1, 'Harbour Loft', '{}', 'alice', now())");
      insert.execute(
          "INSERT INTO "
              + s
              + "content_item (id, capsule_id, kind, title, body, stage, chunk_count, tags)"
              + " VALUES ('"
              + item
              + "', '"
              + capsule
              + "', 'text', 'The listing', 'Two bedrooms by the harbour.', 'ready', 1,"
              + " '[\"sale\"]')");
      insert.execute(
          "INSERT INTO "
              + s
              + "chunk (id, content_item_id, capsule_id, ordinal, text, model, embedding)"
              + " VALUES (gen_random_uuid(), '"
              + item
              + "', '"
              + capsule
              + "', 0, 'Two bedrooms by the harbour, a balcony facing west.',"
              + " 'bge-small-en-v1.5-q', '"
              + vector
              + "')");
      insert.execute(
          "INSERT INTO "
              + s
              + "conversation (id, capsule_id, channel, started_by, started_at, last_at,"
              + " visitor_id) VALUES ('"
              + conversation
              + "', '"
              + capsule
              + "', 'widget', 'visitor', now(), now(), 'visitor-0123456789abcdef')");
      insert.execute(
          "INSERT INTO "
              + s
              + "message (id, conversation_id, ordinal, role, text, outcome, created_at)"
              + " VALUES (gen_random_uuid(), '"
              + conversation
              + "', 1, 'assistant', 'It has two bedrooms.', 'answered', now())");
      insert.execute(
          "INSERT INTO "
              + s
              + "analytics_event (id, capsule_id, kind, conversation_id, detail, created_at)"
              + " VALUES (gen_random_uuid(), '"
              + capsule
              + "', 'unanswered', '"
              + conversation
              + "', 'Is there a garage?', now())");
      insert.execute(
          "INSERT INTO "
              + s
              + "lead (id, capsule_id, email, consent, first_at, last_at) VALUES ('"
              + lead
              + "', '"
              + capsule
              + "', 'visitor@example.com', 'I agree.', now(), now())");
      insert.execute(
          "INSERT INTO "
              + s
              + "lead_conversation (lead_id, conversation_id, submitted_at) VALUES ('"
              + lead
              + "', '"
              + conversation
              + "', now())");
      insert.execute(
          "INSERT INTO "
              + s
              + "outbox_event (id, kind, capsule_id, payload, created_at) VALUES"
              + " (gen_random_uuid(), 'lead.captured', '"
              + capsule
              + "', '{}', now())");
      insert.execute(
          "INSERT INTO "
              + s
              + "golden_question (id, capsule_id, question, expected_facts, should_refuse,"
              + " created_at) VALUES (gen_random_uuid(), '"
              + capsule
              + "', 'How many bedrooms?', '[\"two\"]', false, now())");
    }
  }

  /** Flyway's history of the schema, row by row, as text. */
  private List<String> history(SchemaName schema) throws SQLException {
    return rows(
        "SELECT installed_rank, version, description, type, script, checksum, installed_on,"
            + " success FROM \""
            + schema.value()
            + "\".flyway_schema_history ORDER BY installed_rank");
  }

  /** Each table's row count and a digest of its rows, over the given columns of each table. */
  private Map<String, String> tableContents(SchemaName schema, Map<String, List<String>> columns)
      throws SQLException {
    Map<String, String> contents = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> table : columns.entrySet()) {
      String row =
          "ROW("
              + String.join(", ", table.getValue().stream().map(c -> "t.\"" + c + "\"").toList())
              + ")::text";
      contents.put(
          table.getKey(),
          rows("SELECT count(*) || ' ' || md5(coalesce(string_agg("
                  + row
                  + ", '|' ORDER BY "
                  + row
                  + "), '')) FROM \""
                  + schema.value()
                  + "\".\""
                  + table.getKey()
                  + "\" t")
              .get(0));
    }
    return contents;
  }

  /** The columns of each table (Flyway's history aside), in their order. */
  private Map<String, List<String>> columns(SchemaName schema) throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (String table : tables(schema)) {
      if (!table.equals("flyway_schema_history")) {
        columns.put(
            table,
            rows(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = '"
                    + schema.value()
                    + "' AND table_name = '"
                    + table
                    + "' ORDER BY ordinal_position"));
      }
    }
    return columns;
  }

  /** The applied versions, in the order they were applied. */
  private List<String> versions(SchemaName schema) throws SQLException {
    return rows(
        "SELECT version FROM \""
            + schema.value()
            + "\".flyway_schema_history ORDER BY installed_rank");
  }

  private List<String> tables(SchemaName schema) throws SQLException {
    return rows(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
            + schema.value()
            + "' AND table_type = 'BASE TABLE' ORDER BY table_name");
  }

  /**
   * Columns in their order (type, not-null, default, generated expression), indexes, constraints,
   * triggers, functions (their whole definition, settings included), every relation by kind
   * (tables, indexes, sequences, views) with its privileges, and the comments on tables, columns
   * and functions, with the schema's name taken out.
   */
  private List<String> catalog(SchemaName schema) throws SQLException {
    String name = schema.value();
    String in = "'" + name + "'::regnamespace";
    List<String> catalog = new ArrayList<>();
    catalog.addAll(
        rows(
            "SELECT c.relname || '.' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum)"
                + " || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                + " || ' ' || a.attnotnull || ' ' || a.attgenerated::text || ' '"
                + " || coalesce(pg_get_expr(d.adbin, d.adrelid), '')"
                + " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
                + " WHERE c.relnamespace = "
                + in
                + " AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history'"
                + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1"));
    catalog.addAll(
        rows(
            "SELECT replace(indexdef, '"
                + name
                + "', 'S') FROM pg_indexes WHERE schemaname = '"
                + name
                + "' AND tablename <> 'flyway_schema_history' ORDER BY 1"));
    catalog.addAll(
        rows(
            "SELECT conrelid::regclass::text || ' ' || conname || ' '"
                + " || replace(pg_get_constraintdef(c.oid), '"
                + name
                + "', 'S') FROM pg_constraint c WHERE c.connamespace = "
                + in
                + " ORDER BY 1"));
    catalog.addAll(
        rows(
            "SELECT replace(pg_get_triggerdef(t.oid), '"
                + name
                + "', 'S') FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " WHERE c.relnamespace = "
                + in
                + " AND NOT t.tgisinternal ORDER BY 1"));
    catalog.addAll(
        rows(
            "SELECT replace(pg_get_functiondef(p.oid), '"
                + name
                + "', 'S') FROM pg_proc p WHERE p.pronamespace = "
                + in
                + " ORDER BY 1"));
    catalog.addAll(
        rows(
            "SELECT 'relation ' || c.relkind::text || ' ' || c.relname || ' '"
                + " || coalesce(c.relacl::text, '') || ' '"
                + " || coalesce(obj_description(c.oid, 'pg_class'), '')"
                + " FROM pg_class c WHERE c.relnamespace = "
                + in
                + " AND c.relkind <> 't' AND c.relname NOT LIKE 'flyway_schema_history%'"
                + " ORDER BY 1"));
    catalog.addAll(
        rows(
            "SELECT 'column comment ' || c.relname || '.' || a.attname || ' ' || d.description"
                + " FROM pg_description d JOIN pg_class c ON c.oid = d.objoid"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid"
                + " WHERE d.classoid = 'pg_class'::regclass AND d.objsubid > 0"
                + " AND c.relnamespace = "
                + in
                + " ORDER BY 1"));
    catalog.addAll(
        rows(
            "SELECT 'function ' || p.proname || ' ' || coalesce(p.proacl::text, '') || ' '"
                + " || coalesce(obj_description(p.oid, 'pg_proc'), '')"
                + " FROM pg_proc p WHERE p.pronamespace = "
                + in
                + " ORDER BY 1"));
    return catalog.stream().map(row -> row.replace(name + ".", "S.")).toList();
  }

  private List<String> checksums(SchemaName schema) throws SQLException {
    return rows(
        "SELECT version || ' ' || description || ' ' || checksum FROM \""
            + schema.value()
            + "\".flyway_schema_history ORDER BY installed_rank");
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection db = dataSource.getConnection();
        Statement query = db.createStatement();
        ResultSet result = query.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(result.getString(i));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }

  private static DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(ItEnvironment.databaseUrl());
    dataSource.setUser(ItEnvironment.env("ENCAPTIO_DB_USER", "encaptio"));
    dataSource.setPassword(ItEnvironment.env("ENCAPTIO_DB_PASSWORD", "encaptio-dev"));
    return dataSource;
  }
}
