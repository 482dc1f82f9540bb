package it.encaptio;

import static it.encaptio.ItEnvironment.accessToken;
import static it.encaptio.ItEnvironment.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ai.AssistantFixture;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.delivery.Visitor;
import it.encaptio.support.Browser;
import it.encaptio.support.VisitorLoad;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Liberty nodes of one build in one Infinispan cluster: the test server (node A, which the test
 * command starts with static cluster discovery) and node B, which this test starts beside it on
 * port 9083 ({@code liberty-config/scripts/node.sh}) and stops afterwards. Both serve the same
 * database and Keycloak; what one node caches or counts, the other sees.
 */
class ClusterIT {

  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  private static final String NODE_B = "encaptio-b";
  private static final String A = ItEnvironment.baseUrl();
  private static final String B = "http://localhost:9083";
  private static final String LB_PORT = "9091";

  /** The test's load balancer keeps its files apart from a developer's (`run --nodes 2`). */
  private static final java.util.Map<String, String> LB_ENV =
      java.util.Map.of("ENCAPTIO_STATE", ROOT.resolve(".run/cluster-it").toString());

  @BeforeAll
  static void secondNode() throws Exception {
    ItEnvironment.awaitDemoTenants();
    assertThat(cluster(A).path("clustered").asBoolean())
        .as("the test server runs with ENCAPTIO_CLUSTER_DISCOVERY=static (encaptio.sh test)")
        .isTrue();
    startB();
  }

  @AfterAll
  static void stopSecondNode() throws Exception {
    node("stop", NODE_B);
  }

  @Test
  void bothNodesSeeTheSameTwoMembers() {
    JsonNode a = cluster(A);
    JsonNode b = cluster(B);
    assertThat(a.get("view").asText()).isEqualTo(b.get("view").asText());
    assertThat(a.get("view").asText()).contains(a.get("self").asText(), b.get("self").asText());
    assertThat(a.get("self").asText()).isNotEqualTo(b.get("self").asText());
  }

  /**
   * The browser keeps its cookies (session and SSO) for localhost whatever the port, as behind a
   * load balancer it keeps them for one host: a page made on A is posted to B, then A and B serve
   * the next pages, and Keycloak is never asked again.
   */
  @Test
  void aPersonSignedInOnOneNodeKeepsWorkingOnTheOther() throws Exception {
    Browser browser = new Browser();
    try {
      browser.openSignedIn("/app/dashboard.xhtml", "casey.consultant");
      browser.wait.until(d -> d.getCurrentUrl().startsWith(A + "/app/choose-organization.xhtml"));

      // The chooser's view was made on A; its form goes to B, which restores the view and runs the
      // action in the person's session (both from the cluster), then redirects on B.
      ((org.openqa.selenium.JavascriptExecutor) browser.driver)
          .executeScript(
              "document.querySelectorAll('form').forEach(f => f.action = f.action.replace(arguments[0], arguments[1]))",
              A,
              B);
      browser.workIn("Globex Inc");
      browser.wait.until(d -> d.getCurrentUrl().startsWith(B + "/app/"));
      assertThat(browser.text("tenantSlug")).as("the choice made on B").isEqualTo("globex");
      assertThat(browser.text("userName")).isNotBlank();

      // A reads what B wrote into the session (A still holds the session it began).
      browser.driver.get(A + "/app/dashboard.xhtml");
      assertThat(browser.text("tenantSlug")).as("node A after B's change").isEqualTo("globex");

      // A change on A, seen by B.
      browser.switchTo("Acme Corp");
      browser.wait.until(d -> d.getCurrentUrl().startsWith(A + "/app/"));
      assertThat(browser.text("tenantSlug")).isEqualTo("acme");
      browser.driver.get(B + "/app/dashboard.xhtml");
      assertThat(browser.text("tenantSlug")).as("node B after A's change").isEqualTo("acme");
      assertThat(browser.driver.getCurrentUrl())
          .as("no sign-in asked on either node")
          .startsWith(B + "/app/dashboard.xhtml");
    } finally {
      browser.close("cluster-session");
    }
  }

  /**
   * A session written on B lives on when B dies (kill -9): its second copy on A serves the person,
   * and B, started again, rejoins and serves the same session.
   */
  @Test
  void aSessionOutlivesTheNodeThatWroteItLast() throws Exception {
    Browser browser = new Browser();
    try {
      browser.openSignedIn("/app/dashboard.xhtml", "casey.consultant");
      browser.wait.until(d -> d.getCurrentUrl().startsWith(A + "/app/choose-organization.xhtml"));
      browser.workIn("Globex Inc");
      assertThat(browser.text("tenantSlug")).isEqualTo("globex");

      browser.driver.get(B + "/app/dashboard.xhtml");
      browser.switchTo("Acme Corp");
      browser.wait.until(d -> d.getCurrentUrl().startsWith(B + "/app/"));
      assertThat(browser.text("tenantSlug")).as("chosen on B").isEqualTo("acme");

      node("stop", NODE_B, "--kill");
      ItEnvironment.await(
          "A alone in the view",
          Duration.ofSeconds(60),
          () -> cluster(A).path("members").asInt() == 1);
      browser.driver.get(A + "/app/dashboard.xhtml");
      assertThat(browser.text("tenantSlug")).as("B's last change, served by A").isEqualTo("acme");

      startB();
      browser.driver.get(B + "/app/dashboard.xhtml");
      assertThat(browser.text("tenantSlug")).as("B after its restart").isEqualTo("acme");
      assertThat(browser.driver.getCurrentUrl()).startsWith(B + "/app/dashboard.xhtml");
    } finally {
      browser.close("cluster-session-node-death");
      if (!nodeRuns()) {
        startB();
      }
    }
  }

  /**
   * Visitors ask through a load balancer over both nodes (HAProxy, lb.sh) while texts are added; B
   * is killed (kill -9) mid-run: only requests B had in flight fail, everything after is answered
   * by A, every accepted text is indexed (the job B was running is taken over by a live worker once
   * its lease has run out: A's, or that of B started again), and B rejoins.
   */
  @Test
  void aNodeKilledUnderLoadLosesOnlyItsRequestsInFlight() throws Exception {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String key = harbourFlat(alice, "Cluster failover");
    String capsule =
        alice
            .expect(201, "POST", "", "{\"name\": \"Failover texts " + System.nanoTime() + "\"}")
            .get("id")
            .asText();
    // Long texts for B's worker: the test waits until B runs one of their jobs, then kills B.
    String bPid =
        Files.readString(ItEnvironment.serverDir().resolveSibling(".pid").resolve(NODE_B + ".pid"))
            .strip();
    List<String> longTexts = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> upload =
          alice
              .on(B)
              .upload(
                  capsule,
                  "long-" + i + ".txt",
                  ("Paragraph of long text " + i + " about the harbour office and its hours.\n\n")
                      .repeat(3000)
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
      longTexts.add(json(upload.body()).get("id").asText());
    }
    String balancer = "http://127.0.0.1:" + LB_PORT;
    script(
        LB_ENV,
        "lb.sh",
        "start",
        LB_PORT,
        Integer.toString(URI.create(A).getPort()),
        Integer.toString(URI.create(B).getPort()));
    VisitorLoad load = new VisitorLoad(balancer, key, 10, 2000, 4000);
    List<String> items = new java.util.ArrayList<>();
    List<VisitorLoad.Request> requests;
    long kill;
    String held;
    try {
      load.start();
      CapsuleApi throughBalancer = alice.on(balancer);
      for (int i = 0; i < 6; i++) {
        items.add(
            AssistantFixture.submit(
                throughBalancer,
                capsule,
                "Failover note " + i,
                ("Note " + i + ": the harbour office opens at eight and closes at six.\n\n")
                    .repeat(40)));
      }
      ItEnvironment.await(
          "B running a long text's job",
          Duration.ofSeconds(120),
          () -> heldBy(longTexts, bPid + "@") != null);
      held = heldBy(longTexts, bPid + "@");
      node("stop", NODE_B, "--kill");
      kill = System.nanoTime(); // node.sh returns once B's process is gone
      ItEnvironment.pause(Duration.ofSeconds(12));
    } finally {
      requests = load.stop();
      script(LB_ENV, "lb.sh", "stop");
      if (!nodeRuns()) {
        startB(); // whatever fails below, the other tests get their second node
      }
    }
    long settle = kill + Duration.ofSeconds(2).toNanos();
    List<VisitorLoad.Request> failed =
        requests.stream().filter(VisitorLoad.Request::failed).toList();
    assertThat(failed)
        .as("failed requests all started before B was gone (in flight on the dying node)")
        .allSatisfy(r -> assertThat(r.start()).isLessThan(kill));
    assertThat(requests.stream().filter(r -> r.start() > settle && r.answered()).count())
        .as("answers after the kill, all from A")
        .isPositive();
    assertThat(requests.stream().filter(r -> r.start() > settle && r.failed()).count())
        .as("failures after the kill")
        .isZero();
    for (String item : items) {
      JsonNode settled = alice.settled(capsule, item);
      assertThat(settled.get("stage").asText()).as("accepted text " + settled).isEqualTo("ready");
    }
    for (String item : longTexts) {
      JsonNode settled = alice.settled(capsule, item);
      assertThat(settled.get("stage").asText()).as("long text " + settled).isEqualTo("ready");
    }
    try (Connection db = ItEnvironment.database();
        java.sql.PreparedStatement query =
            db.prepareStatement("select state, attempts, ran_by from platform.jobs where id = ?")) {
      query.setObject(1, java.util.UUID.fromString(held));
      try (java.sql.ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString("state")).isEqualTo("succeeded");
        assertThat(row.getInt("attempts")).as("B's attempt, then one after the lease").isEqualTo(2);
        assertThat(row.getString("ran_by"))
            .as("finished by a live worker, not the killed one")
            .doesNotStartWith(bPid + "@");
      }
    }
  }

  @Test
  void aTenantSuspendedOnOneNodeIsRefusedByTheOtherAtOnce() throws Exception {
    TenantSuspensionIT.initechIsActive(); // a run that died half-way may have left it suspended
    String ivan = accessToken("ivan.initech", "openid organization");
    // node B has initech in its tenant cache (a look-up lives 10 minutes there)
    assertThat(me(B, ivan).statusCode()).isEqualTo(200);
    assertThat(me(B, ivan).statusCode()).isEqualTo(200);
    try {
      assertThat(
              operator(A, "/api/ops/v1/tenants/initech/suspend", "{\"reason\":\"Cluster drill\"}"))
          .isEqualTo("suspended");
      HttpResponse<String> refused = me(B, ivan);
      assertThat(refused.statusCode()).as("node B's very next request").isEqualTo(403);
      assertThat(json(refused.body()).get("type").asText()).endsWith("/tenant-unavailable");
    } finally {
      assertThat(operator(A, "/api/ops/v1/tenants/initech/resume", null)).isEqualTo("active");
    }
    assertThat(me(B, ivan).statusCode()).as("resumed on A, served by B at once").isEqualTo(200);
  }

  @Test
  void aVisitorsLimitIsReachedAtTheSameTotalWhicheverNodeServes() {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String key = harbourFlat(alice, "Cluster limits");
    // a client address of its own behind the trusted proxy (127.0.0.1), so only this test counts
    String address = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + 7;
    Visitor onA = new Visitor(key);
    String conversation = onA.start();
    Visitor onB = new Visitor(key).on(B);
    onB.visitorId = onA.visitorId;
    int limit = 10; // questions per visitor and minute on the demo tenants' starter plan
    // limits count per clock minute: start early in one, so the questions cannot straddle two
    int second = java.time.LocalTime.now().getSecond();
    if (second > 40) {
      ItEnvironment.pause(Duration.ofSeconds(61 - second));
    }
    int allowed = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < limit + 1; i++) {
      Visitor node = i % 2 == 0 ? onA : onB;
      last = node.ask(conversation, "How many bedrooms? (" + i + ")", "X-Forwarded-For", address);
      if (last.statusCode() == 200) {
        allowed++;
      }
    }
    assertThat(allowed).as("answers before the limit, from both nodes together").isEqualTo(limit);
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(onA.ask(conversation, "And a balcony?", "X-Forwarded-For", address).statusCode())
        .isEqualTo(429);
  }

  @Test
  void anAnswerMadeOnOneNodeIsServedFromTheCacheOnTheOther() {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String capsule = AssistantFixture.capsule(alice, "Cluster cache " + System.nanoTime());
    JsonNode first = AssistantFixture.ask(alice, capsule, "What time is check-out?", null, false);
    assertThat(first.get("cached").asBoolean()).isFalse();
    JsonNode onB =
        AssistantFixture.ask(alice.on(B), capsule, "What time is check-out?", null, false);
    assertThat(onB.get("cached").asBoolean()).as("made on A, found on B").isTrue();
    assertThat(onB.get("text").asText()).isEqualTo(first.get("text").asText());
  }

  @Test
  void bothNodesTakeJobsFromTheOneQueueAndNoneRunsTwice() throws Exception {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String capsule =
        alice
            .expect(201, "POST", "", "{\"name\": \"Cluster jobs " + System.nanoTime() + "\"}")
            .get("id")
            .asText();
    List<String> items = new java.util.ArrayList<>();
    for (int i = 0; i < 16; i++) {
      CapsuleApi on = i % 2 == 0 ? alice : alice.on(B);
      StringBuilder text = new StringBuilder();
      for (int p = 0; p < 40; p++) {
        text.append("Note ").append(i).append(", paragraph ").append(p);
        text.append(": the harbour office opens at eight and closes at six.\n\n");
      }
      items.add(AssistantFixture.submit(on, capsule, "Note " + i, text.toString()));
    }
    java.util.Set<String> nodes = new java.util.HashSet<>();
    for (String item : items) {
      JsonNode settled = alice.settled(capsule, item);
      assertThat(settled.get("stage").asText()).as(settled.toString()).isEqualTo("ready");
      List<JsonNode> chunks = new java.util.ArrayList<>();
      alice
          .expect(200, "GET", "/" + capsule + "/content/" + item + "/chunks", null)
          .forEach(chunks::add);
      assertThat(chunks.stream().map(c -> c.get("ordinal").asInt()).distinct().count())
          .as("one set of chunks, no ordinal twice")
          .isEqualTo(chunks.size())
          .isEqualTo(settled.get("chunks").asInt());
      try (Connection db = ItEnvironment.database();
          java.sql.PreparedStatement query =
              db.prepareStatement(
                  "select state, attempts, ran_by from platform.jobs where subject_id = ?")) {
        query.setObject(1, java.util.UUID.fromString(item));
        try (java.sql.ResultSet row = query.executeQuery()) {
          assertThat(row.next()).as("the item's job").isTrue();
          assertThat(row.getString("state")).isEqualTo("succeeded");
          assertThat(row.getInt("attempts")).as("claimed once").isEqualTo(1);
          // pid@host/node-id#worker: the part before '#' names the node
          nodes.add(row.getString("ran_by").replaceAll("#\\d+$", ""));
          assertThat(row.next()).as("one job per item").isFalse();
        }
      }
    }
    assertThat(nodes).as("workers of both nodes ran jobs").hasSize(2);
  }

  /** A published capsule of one text; its public key. */
  private static String harbourFlat(CapsuleApi alice, String name) {
    return alice
        .publishedCapsule(
            name + " " + System.nanoTime(),
            "real-estate",
            "The flat has two bedrooms and a balcony facing the harbour.")
        .get("publicKey")
        .asText();
  }

  /** Starts node B (again) and waits until both nodes see each other. */
  private static void startB() throws Exception {
    node("start", NODE_B, "9083", "9446", "7801");
    ItEnvironment.await(
        "both nodes in one view",
        Duration.ofSeconds(60),
        () -> cluster(A).path("members").asInt() == 2 && cluster(B).path("members").asInt() == 2);
  }

  /** The id of a running job of these items whose worker's name starts with {@code worker}. */
  private static String heldBy(List<String> items, String worker) {
    try (Connection db = ItEnvironment.database();
        java.sql.PreparedStatement query =
            db.prepareStatement(
                "select id from platform.jobs where subject_id = any (?) and state = 'running'"
                    + " and locked_by like ?")) {
      query.setArray(1, db.createArrayOf("uuid", items.toArray()));
      query.setString(2, worker + "%");
      try (java.sql.ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode cluster(String base) {
    HttpResponse<String> health = ItEnvironment.send(get(base + "/health/ready").build());
    for (JsonNode check : json(health.body()).path("checks")) {
      if (check.path("name").asText().equals("cluster")) {
        return check.path("data");
      }
    }
    throw new AssertionError("no cluster check in " + base + "/health/ready: " + health.body());
  }

  private static HttpResponse<String> me(String base, String token) {
    return ItEnvironment.send(
        get(base + "/api/v1/me").header("Authorization", "Bearer " + token).build());
  }

  /** An operator's call of the operations API on the node at {@code base}; the tenant's status. */
  private static String operator(String base, String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + accessToken("oscar.ops", "openid"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json))
            .build();
    HttpResponse<String> response = ItEnvironment.send(request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response.body()).get("status").asText();
  }

  private static HttpRequest.Builder get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
  }

  private static boolean nodeRuns() throws Exception {
    Process status =
        new ProcessBuilder(
                ROOT.resolve("liberty-config/scripts/node.sh").toString(), "status", NODE_B)
            .redirectErrorStream(true)
            .start();
    status.getInputStream().readAllBytes();
    return status.waitFor(60, TimeUnit.SECONDS) && status.exitValue() == 0;
  }

  /**
   * Runs a script of liberty-config/scripts with extra environment; its output goes to the test's.
   */
  private static void script(java.util.Map<String, String> env, String name, String... args)
      throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(ROOT.resolve("liberty-config/scripts/" + name).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).as(name + " " + args[0]).isTrue();
    assertThat(process.exitValue()).as(name + " " + String.join(" ", args)).isZero();
  }

  /** Runs node.sh with {@code args}; its output goes to the test's. */
  private static void node(String... args) throws Exception {
    script(java.util.Map.of(), "node.sh", args);
  }
}
