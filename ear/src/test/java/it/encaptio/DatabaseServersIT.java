package it.encaptio;

import static it.encaptio.ItEnvironment.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.delivery.Visitor;
import it.encaptio.people.Members;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenants on two PostgreSQL servers: a second cluster on this machine (database-server.sh: its own
 * data folder and port, pgvector, Liberty data sources written into the running server's
 * configuration) is registered through the operators' API. New tenants go where the fewest are per
 * unit of weight; a tenant there is served end to end (its capsule, content indexed by the job
 * queue on the main server, a visitor's answer); tenants move between the servers in both
 * directions while their owner keeps writing, and no write that was acknowledged is lost.
 */
class DatabaseServersIT {

  private static final String SERVER = "second";
  private static final String PORT = "5546";
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final Path SCRIPT =
      ItEnvironment.projectRoot().resolve("liberty-config/scripts/database-server.sh");
  private static final String OWNER = "vera.acme";

  private static final List<String> tenants = new ArrayList<>();

  @BeforeAll
  static void secondServer() throws Exception {
    ItEnvironment.awaitDemoTenants();
    ItEnvironment.run(
        new ProcessBuilder(SCRIPT.toString(), "start", SERVER, PORT), "the second database server");
    // the server reads the new data sources within a second or two; registering checks them
    ItEnvironment.await(
        "database server " + SERVER + " registered",
        Duration.ofSeconds(60),
        () -> {
          if (servers().containsKey(SERVER)) {
            return ops("PUT", "/database-servers/" + SERVER, "{\"weight\":1}").statusCode() == 200;
          }
          return ops("POST", "/database-servers", "{\"name\":\"" + SERVER + "\",\"weight\":1}")
                  .statusCode()
              == 201;
        });
  }

  @AfterAll
  static void nothingLeftThere() throws Exception {
    for (String slug : tenants) {
      ops("POST", "/tenants/" + slug + "/suspend", "{\"reason\":\"test over\"}");
      HttpResponse<String> deleted = ops("DELETE", "/tenants/" + slug + "?confirm=" + slug, null);
      assertThat(deleted.statusCode()).as(deleted.body()).isIn(200, 404);
    }
    ops("PUT", "/database-servers/" + SERVER, "{\"weight\":0}");
    ItEnvironment.run(
        new ProcessBuilder(SCRIPT.toString(), "stop", SERVER), "stopping the second server");
  }

  private static HttpResponse<String> ops(String method, String path, String json) {
    return Members.call(method, "/api/ops/v1" + path, Members.token("oscar.ops"), null, json);
  }

  /** Registered servers by name, with their tenants. */
  private static Map<String, JsonNode> servers() {
    HttpResponse<String> listed = ops("GET", "/database-servers", null);
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    Map<String, JsonNode> byName = new TreeMap<>();
    json(listed.body()).forEach(s -> byName.put(s.get("name").asText(), s));
    return byName;
  }

  /** A new tenant whose owner is vera (an existing person, so no invitation has to be taken). */
  private static String provision(String name) {
    String slug = name + "-" + RUN;
    HttpResponse<String> created =
        ops(
            "POST",
            "/tenants",
            "{\"slug\":\""
                + slug
                + "\",\"name\":\"Placement "
                + slug
                + "\",\"ownerEmail\":\"vera@acme.example\",\"ownerName\":\"Vera\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    tenants.add(slug);
    synchronized (DatabaseServersIT.class) {
      ownerToken = null; // the next token names the new organization
    }
    return slug;
  }

  private static String serverOf(String slug) throws SQLException {
    try (Connection db = ItEnvironment.database();
        PreparedStatement query =
            db.prepareStatement("select database_server from platform.tenants where slug = ?")) {
      query.setString(1, slug);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as("tenant " + slug + " registered").isTrue();
        return row.getString(1);
      }
    }
  }

  private static Connection secondDatabase() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:"
            + PORT
            + "/"
            + ItEnvironment.env("ENCAPTIO_DB_NAME", "encaptio"),
        ItEnvironment.env("ENCAPTIO_DB_USER", "encaptio"),
        ItEnvironment.env("ENCAPTIO_DB_PASSWORD", "encaptio-dev"));
  }

  /** Rows per table of the schema in that database; empty when the schema is not there. */
  private static Map<String, Long> rows(Connection db, String schema) throws SQLException {
    Map<String, Long> rows = new TreeMap<>();
    List<String> tables = new ArrayList<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "select table_name from information_schema.tables where table_schema = ?"
                + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'")) {
      query.setString(1, schema);
      try (ResultSet found = query.executeQuery()) {
        while (found.next()) {
          tables.add(found.getString(1));
        }
      }
    }
    for (String table : tables) {
      try (PreparedStatement count =
              db.prepareStatement("select count(*) from \"" + schema + "\".\"" + table + "\"");
          ResultSet n = count.executeQuery()) {
        n.next();
        rows.put(table, n.getLong(1));
      }
    }
    return rows;
  }

  private static String schemaOf(String slug) throws SQLException {
    try (Connection db = ItEnvironment.database()) {
      return ItEnvironment.tenantSchema(db, slug);
    }
  }

  private static String ownerToken;
  private static long ownerTokenAt;

  /** vera's token, fetched again after a minute: it must name the tenants made since. */
  private static synchronized String owner() {
    if (ownerToken == null || System.nanoTime() - ownerTokenAt > Duration.ofMinutes(1).toNanos()) {
      ownerToken = Members.token(OWNER);
      ownerTokenAt = System.nanoTime();
    }
    return ownerToken;
  }

  private static HttpResponse<String> asOwner(
      String slug, String method, String path, String json) {
    return Members.call(method, "/api/v1" + path, owner(), slug, json);
  }

  private static JsonNode expect(HttpResponse<String> response, int status) {
    assertThat(response.statusCode())
        .as(ItEnvironment.withIncident(response.body()))
        .isEqualTo(status);
    return response.body().isEmpty() ? null : json(response.body());
  }

  /** A capsule with a text, indexed by the job queue, published and answering a visitor. */
  private static String serve(String slug, String text, String question) {
    String capsule =
        expect(
                asOwner(
                    slug,
                    "POST",
                    "/capsules",
                    "{\"name\":\"Placed " + RUN + "\",\"template\":\"real-estate\"}"),
                201)
            .get("id")
            .asText();
    String item =
        expect(
                asOwner(
                    slug,
                    "POST",
                    "/capsules/" + capsule + "/content",
                    ItEnvironment.JSON
                        .createObjectNode()
                        .put("kind", "text")
                        .put("title", "The house")
                        .put("text", text)
                        .toString()),
                201)
            .get("id")
            .asText();
    ItEnvironment.await(
        "content of " + slug + " indexed",
        Duration.ofSeconds(120),
        () ->
            expect(asOwner(slug, "GET", "/capsules/" + capsule + "/content/" + item, null), 200)
                .get("stage")
                .asText()
                .equals("ready"));
    String key =
        expect(asOwner(slug, "POST", "/capsules/" + capsule + "/publish", null), 200)
            .get("publicKey")
            .asText();
    Visitor visitor = new Visitor(key);
    String conversation = visitor.start();
    HttpResponse<String> answer = visitor.ask(conversation, question);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return capsule;
  }

  @Test
  void newTenantsGoWhereTheMostRoomIsAreServedThereAndMoveWithoutLosingAWrite() throws Exception {
    // the main server holds the demo tenants and whatever earlier tests made; the second none
    Map<String, JsonNode> before = servers();
    assertThat(before.get("main").get("tenants").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(before.get(SERVER).get("tenants").asLong()).isZero();

    String onSecond = provision("placed");
    assertThat(serverOf(onSecond)).isEqualTo(SERVER);
    String secondSchema = schemaOf(onSecond);
    try (Connection second = secondDatabase();
        Connection main = ItEnvironment.database()) {
      assertThat(rows(second, secondSchema)).as("its tables on the second server").isNotEmpty();
      assertThat(rows(main, secondSchema)).as("and none on the main one").isEmpty();
    }
    String capsule =
        serve(
            onSecond,
            "The lighthouse cottage has a wood stove and a view of the northern cliffs.",
            "What heats the lighthouse cottage?");
    try (Connection second = secondDatabase()) {
      Map<String, Long> there = rows(second, secondSchema);
      assertThat(there.get("capsule")).isEqualTo(1);
      assertThat(there.get("chunk"))
          .as("indexed by a job run from the main server's queue")
          .isPositive();
      assertThat(there.get("message")).as("the visitor's question and its answer").isEqualTo(2);
    }

    // with no weight the second server takes no new tenant
    expect(ops("PUT", "/database-servers/" + SERVER, "{\"weight\":0}"), 200);
    String onMain = provision("main");
    assertThat(serverOf(onMain)).isEqualTo("main");
    serve(
        onMain,
        "The mill house stands by the river and has its own water wheel.",
        "Where does the mill house stand?");

    // both directions, the owner writing all along
    Map<String, Long> movedHome = moveWhileWriting(onSecond, "main");
    try (Connection main = ItEnvironment.database();
        Connection second = secondDatabase()) {
      Map<String, Long> home = rows(main, secondSchema);
      movedHome.forEach(
          (table, copied) ->
              assertThat(home.get(table))
                  .as("%s: the rows copied, and any written after the move", table)
                  .isGreaterThanOrEqualTo(copied));
      assertThat(home.get("chunk")).isEqualTo(movedHome.get("chunk"));
      assertThat(rows(second, secondSchema)).as("the old copy dropped").isEmpty();
    }
    assertThat(
            expect(asOwner(onSecond, "GET", "/capsules/" + capsule, null), 200)
                .get("name")
                .asText())
        .isEqualTo("Placed " + RUN);

    String mainSchema = schemaOf(onMain);
    moveWhileWriting(onMain, SERVER);
    try (Connection main = ItEnvironment.database();
        Connection second = secondDatabase()) {
      assertThat(rows(main, mainSchema)).isEmpty();
      assertThat(rows(second, mainSchema).get("capsule")).isPositive();
    }
    Map<String, JsonNode> after = servers();
    assertThat(after.get(SERVER).get("tenants").asLong()).isEqualTo(1);
  }

  /**
   * Moves the tenant while its owner creates capsules as fast as answers come: every creation is
   * either acknowledged (201) and then found after the move, or refused (503) as read-only or as
   * sent to the old server just as the tenant left it, with nothing changed; the answer's rows are
   * what the target holds.
   */
  private static Map<String, Long> moveWhileWriting(String slug, String target) throws Exception {
    Set<String> acknowledged = Collections.synchronizedSet(new HashSet<>());
    List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    int[] refused = {0};
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread writer =
        new Thread(
            () -> {
              for (int i = 0; writing.get(); i++) {
                HttpResponse<String> made =
                    asOwner(
                        slug,
                        "POST",
                        "/capsules",
                        "{\"name\":\"During move " + i + "\",\"template\":\"blank\"}");
                if (made.statusCode() == 201) {
                  acknowledged.add(json(made.body()).get("id").asText());
                } else if (made.statusCode() == 503
                    && (made.body().contains("tenant-read-only")
                        || made.body().contains("tenant-moved")
                        || made.body().contains("try-again"))) {
                  refused[0]++;
                } else {
                  unexpected.add(made.statusCode() + " " + made.body());
                }
              }
            });
    writer.start();
    HttpResponse<String> moved;
    try {
      ItEnvironment.await(
          "writes before the move", Duration.ofSeconds(30), () -> acknowledged.size() >= 3);
      moved = ops("POST", "/tenants/" + slug + "/move", "{\"server\":\"" + target + "\"}");
      int before = acknowledged.size();
      ItEnvironment.await(
          "writes after the move", Duration.ofSeconds(30), () -> acknowledged.size() >= before + 3);
    } finally { // a failed wait must not leave the writer hammering the server for later tests
      writing.set(false);
      writer.join(30_000);
    }

    JsonNode move = expect(moved, 200);
    assertThat(move.get("to").asText()).isEqualTo(target);
    assertThat(serverOf(slug)).isEqualTo(target);
    assertThat(unexpected).as("every write acknowledged or refused to be sent again").isEmpty();
    Set<String> found = new HashSet<>();
    for (int first = 0; ; first += 100) { // pages of at most 100: a fast machine writes more
      JsonNode page =
          expect(asOwner(slug, "GET", "/capsules?first=" + first + "&max=100", null), 200)
              .get("capsules");
      page.forEach(c -> found.add(c.get("id").asText()));
      if (page.size() < 100) {
        break;
      }
    }
    assertThat(found).as("every acknowledged write, after the move").containsAll(acknowledged);
    System.out.printf(
        "moved %s to %s: read-only %d ms, %d writes acknowledged, %d refused (503)%n",
        slug, target, move.get("readOnlyMillis").asLong(), acknowledged.size(), refused[0]);
    Map<String, Long> rows = new TreeMap<>();
    move.get("rows").properties().forEach(e -> rows.put(e.getKey(), e.getValue().asLong()));
    return rows;
  }

  @Test
  void onlyPlatformOperatorsSeeOrChangeDatabaseServersOrMoveTenants() {
    String owner = Members.token("alice.acme");
    for (String[] call :
        List.of(
            new String[] {"GET", "/database-servers", null},
            new String[] {"POST", "/database-servers", "{\"name\":\"mine\",\"weight\":1}"},
            new String[] {"PUT", "/database-servers/main", "{\"weight\":0}"},
            new String[] {"POST", "/tenants/acme/move", "{\"server\":\"" + SERVER + "\"}"})) {
      HttpResponse<String> refused =
          Members.call(call[0], "/api/ops/v1" + call[1], owner, "acme", call[2]);
      assertThat(refused.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
    }
    assertThat(servers().get("main").get("weight").asInt()).as("nothing changed").isEqualTo(1);

    HttpResponse<String> unknown = ops("POST", "/tenants/acme/move", "{\"server\":\"nowhere\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("No database server named nowhere");
    HttpResponse<String> unreachable =
        ops("POST", "/database-servers", "{\"name\":\"ghost\",\"weight\":1}");
    assertThat(unreachable.statusCode()).isEqualTo(400);
    assertThat(unreachable.body()).contains("jdbc/encaptio-ghost");
    HttpResponse<String> badName =
        ops("POST", "/database-servers", "{\"name\":\"Not A Name\",\"weight\":1}");
    assertThat(badName.statusCode()).isEqualTo(400);
  }
}
