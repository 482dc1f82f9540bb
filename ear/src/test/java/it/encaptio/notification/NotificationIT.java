package it.encaptio.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import it.encaptio.ItEnvironment;
import it.encaptio.ai.AssistantFixture;
import it.encaptio.analytics.AnalyticsSeed;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.delivery.Visitor;
import it.encaptio.support.Mailbox;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * People are told about a lead: by e-mail (what arrives in the test SMTP server), in the portal
 * (unread count, mark read), on Slack and Teams (stand-ins that answer as those services do and
 * keep what they were sent); a hook that keeps failing is tried again and then marked failed in the
 * delivery log, one that says it is gone is not tried again; people's choices and roles decide who
 * hears what; a burst of leads makes one digest mail; hook addresses into private networks,
 * malformed ones and unknown kinds are refused; another organization sees and changes none of it.
 */
class NotificationIT {

  private static final CapsuleApi alice = new CapsuleApi("alice.acme");
  private static final CapsuleApi eddie = new CapsuleApi("eddie.acme");
  private static final CapsuleApi vera = new CapsuleApi("vera.acme");
  private static final CapsuleApi grace = new CapsuleApi("grace.globex");
  private static final String API = "/api/v1/notifications";
  private static final String WEEKLY = API + "?kind=summary.weekly&max=100";

  /** Slack and Teams stand-ins on this machine (the test server may post to loopback). */
  private static final WireMockServer hooks =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  private static String capsule;
  private static String name;
  private static String key;
  private static final List<String> added = new ArrayList<>();

  @BeforeAll
  static void capsuleWithLeadFormAndHooks() {
    ItEnvironment.awaitDemoTenants();
    hooks.start();
    // Slack answers "ok"; a Teams workflow 202; the broken one 500 every time; the gone one 404
    hooks.stubFor(
        post(urlPathEqualTo("/slack/ok")).willReturn(aResponse().withStatus(200).withBody("ok")));
    hooks.stubFor(post(urlPathEqualTo("/teams/ok")).willReturn(aResponse().withStatus(202)));
    hooks.stubFor(
        post(urlPathEqualTo("/slack/broken"))
            .willReturn(aResponse().withStatus(500).withBody("rollup_error")));
    hooks.stubFor(
        post(urlPathEqualTo("/slack/gone"))
            .willReturn(aResponse().withStatus(404).withBody("no_service")));

    name = "Notified " + System.nanoTime();
    capsule = AssistantFixture.capsule(alice, name);
    JsonNode draft = alice.expect(200, "GET", "/" + capsule, null);
    ObjectNode settings = (ObjectNode) draft.get("draft").deepCopy();
    settings
        .putObject("leadForm")
        .put("enabled", true)
        .put("title", "Leave your details")
        .put("consent", "I agree to be contacted.")
        .<ObjectNode>set(
            "fields", ItEnvironment.JSON.valueToTree(new String[] {"name", "email", "company"}))
        .set("required", ItEnvironment.JSON.valueToTree(new String[] {"email"}));
    alice.saveDraft(draft, settings);
    key = alice.expect(200, "POST", "/" + capsule + "/publish", null).get("publicKey").asText();

    added.add(addHook("slack", "#sales", "/slack/ok"));
    added.add(addHook("teams", "Sales team", "/teams/ok"));
    added.add(addHook("slack", "#broken", "/slack/broken"));
    added.add(addHook("slack", "#gone", "/slack/gone"));
  }

  @AfterAll
  static void removeHooks() {
    added.forEach(id -> alice.callAt("DELETE", API + "/hooks/" + id, null));
    hooks.stop();
  }

  private static String addHook(String channel, String hookName, String path) {
    JsonNode hook =
        alice.expectAt(
            201,
            "POST",
            API + "/hooks",
            ItEnvironment.JSON
                .createObjectNode()
                .put("channel", channel)
                .put("name", hookName)
                .put("url", "http://127.0.0.1:" + hooks.port() + path)
                .put("language", "en")
                .<ObjectNode>set(
                    "kinds", ItEnvironment.JSON.valueToTree(new String[] {"lead.captured"}))
                .toString());
    assertThat(hook.toString()).as("the address is never shown again").doesNotContain(path);
    return hook.get("id").asText();
  }

  /** A visitor leaves a lead with the e-mail address; returns it. */
  private static String lead(String visitorName) {
    Visitor visitor = new Visitor(key);
    String conversation = visitor.start();
    String email = "lead." + System.nanoTime() + "@example.com";
    HttpResponse<String> created =
        visitor.lead(
            conversation,
            Map.of("email", email, "name", visitorName, "company", "Eve & Co <b>"),
            true);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return email;
  }

  @Test
  void aLeadIsMailedShownInThePortalAndPostedToSlackAndTeamsInTheirFormats() {
    int unreadBefore = alice.expectAt(200, "GET", API, null).get("unread").asInt();
    String email = lead("<!channel> Mallory");

    Mailbox.Mail mail =
        Mailbox.await("alice@acme.example", m -> m.text().contains(email), Duration.ofSeconds(60))
            .orElseThrow(() -> new AssertionError("no mail about the lead reached alice"));
    assertThat(mail.text())
        .contains("New lead on " + name)
        .contains("<!channel> Mallory")
        .contains("Eve & Co <b>")
        .contains("/app/inbox.xhtml?id=" + capsule)
        .contains("/app/notifications.xhtml");

    JsonNode inbox =
        await(
            () -> alice.expectAt(200, "GET", API, null),
            i -> i.get("unread").asInt() > unreadBefore);
    JsonNode mine = first(inbox.get("notifications"), n -> n.toString().contains(email));
    assertThat(mine.get("kind").asText()).isEqualTo("lead.captured");
    assertThat(mine.get("title").asText()).isEqualTo("New lead on " + name);
    assertThat(mine.get("read").asBoolean()).isFalse();
    alice.expectAt(204, "POST", API + "/" + mine.get("id").asText() + "/read", null);
    assertThat(alice.expectAt(200, "GET", API, null).get("unread").asInt())
        .isLessThan(inbox.get("unread").asInt());

    LoggedRequest slack = awaitPost("/slack/ok", email);
    JsonNode slackBody = ItEnvironment.json(slack.getBodyAsString());
    assertThat(slack.getHeader("Content-Type")).startsWith("application/json");
    assertThat(slackBody.get("text").asText()).isEqualTo("New lead on " + name);
    assertThat(slackBody.at("/blocks/0/type").asText()).isEqualTo("header");
    assertThat(slackBody.toString())
        .as("visitors' words escaped as Slack asks: no @channel, no markup")
        .contains("&lt;!channel&gt; Mallory")
        .contains("Eve &amp; Co &lt;b&gt;")
        .doesNotContain("<!channel>");
    assertThat(slackBody.at("/blocks/3/elements/0/url").asText())
        .contains("/app/inbox.xhtml?id=" + capsule);

    LoggedRequest teams = awaitPost("/teams/ok", email);
    JsonNode teamsBody = ItEnvironment.json(teams.getBodyAsString());
    assertThat(teamsBody.get("type").asText()).isEqualTo("message");
    assertThat(teamsBody.at("/attachments/0/contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = teamsBody.at("/attachments/0/content");
    assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.at("/body/2/type").asText()).isEqualTo("FactSet");
    assertThat(card.at("/body/2/facts").toString()).contains(email).contains("Company");
    assertThat(card.at("/actions/0/type").asText()).isEqualTo("Action.OpenUrl");

    // the broken hook: five attempts (a second apart in the tests), then failed with its answer
    JsonNode broken =
        await(
            () -> delivery("#broken"), d -> d != null && d.get("status").asText().equals("failed"));
    assertThat(broken.get("attempts").asInt()).isEqualTo(5);
    assertThat(broken.get("lastError").asText()).contains("500").contains("rollup_error");
    assertThat(posts("/slack/broken", email)).isEqualTo(5);
    // the gone hook: its 404 says trying again cannot help
    JsonNode gone =
        await(() -> delivery("#gone"), d -> d != null && d.get("status").asText().equals("failed"));
    assertThat(gone.get("attempts").asInt()).isEqualTo(1);
    assertThat(gone.get("lastError").asText()).contains("404").contains("no_service");
    assertThat(posts("/slack/gone", email)).isEqualTo(1);
    JsonNode sent = delivery("#sales");
    assertThat(sent.get("status").asText()).isEqualTo("sent");
    assertThat(sent.get("attempts").asInt()).isEqualTo(1);
  }

  @Test
  void choicesAndRolesDecideWhoHearsWhat() {
    JsonNode eddiePrefs = eddie.expectAt(200, "GET", API + "/preferences", null);
    ObjectNode noLeadMail = (ObjectNode) eddiePrefs.deepCopy();
    for (JsonNode choice : noLeadMail.get("choices")) {
      if (choice.get("kind").asText().equals("lead.captured")) {
        ((ObjectNode) choice).put("email", false).put("inApp", true);
      }
    }
    noLeadMail.put("language", "de");
    JsonNode saved = eddie.expectAt(200, "PUT", API + "/preferences", noLeadMail.toString());
    assertThat(saved.get("language").asText()).isEqualTo("de");
    try {
      // eddie sent every kind, but only what differs from the defaults is his: a default changed
      // afterwards still reaches him
      alice.expectAt(
          200,
          "PUT",
          API + "/defaults",
          "{\"language\":\"en\",\"choices\":[{\"kind\":\"gap.new\",\"inApp\":true,\"email\":true}]}");
      JsonNode eddieNow = eddie.expectAt(200, "GET", API + "/preferences", null);
      assertThat(choice(eddieNow, "gap.new").get("email").asBoolean()).isTrue();
      assertThat(choice(eddieNow, "lead.captured").get("email").asBoolean()).isFalse();
      alice.expectAt(200, "PUT", API + "/defaults", "{\"language\":\"en\",\"choices\":[]}");

      String email = lead("Quiet Quentin");
      Mailbox.await("alice@acme.example", m -> m.text().contains(email), Duration.ofSeconds(60))
          .orElseThrow(() -> new AssertionError("no mail about the lead reached alice"));
      JsonNode eddieInbox =
          await(
              () -> eddie.expectAt(200, "GET", API, null),
              i -> i.get("notifications").toString().contains(email));
      assertThat(
              first(eddieInbox.get("notifications"), n -> n.toString().contains(email))
                  .get("title")
                  .asText())
          .as("in eddie's language")
          .isEqualTo("Neuer Lead in " + name);
      assertThat(Mailbox.of("eddie@acme.example"))
          .as("eddie chose no lead mails")
          .noneMatch(m -> m.text().contains(email));
      assertThat(vera.expectAt(200, "GET", API, null).get("notifications").toString())
          .as("a member does not see leads")
          .doesNotContain(email);
      assertThat(Mailbox.of("vera@acme.example")).noneMatch(m -> m.text().contains(email));
    } finally {
      eddie.expectAt(200, "PUT", API + "/preferences", "{\"language\":\"en\",\"choices\":[]}");
    }
  }

  @Test
  void aMailHeldForTheDigestIsSkippedWhenItsPersonTurnsSuchMailsOff() {
    String first = lead("Held One");
    Mailbox.await("eddie@acme.example", m -> m.text().contains(first), Duration.ofSeconds(60))
        .orElseThrow(() -> new AssertionError("no mail about the first lead reached eddie"));
    String held = lead("Held Two"); // within the digest window: eddie's mail waits
    await(() -> eddiesLeadMail("pending"), d -> d != null);
    ObjectNode off = (ObjectNode) eddie.expectAt(200, "GET", API + "/preferences", null).deepCopy();
    for (JsonNode choice : off.get("choices")) {
      if (choice.get("kind").asText().equals("lead.captured")) {
        ((ObjectNode) choice).put("email", false);
      }
    }
    eddie.expectAt(200, "PUT", API + "/preferences", off.toString());
    try {
      JsonNode skipped = await(() -> eddiesLeadMail("skipped"), d -> d != null);
      assertThat(skipped.get("lastError").asText()).contains("turned these e-mails off");
      assertThat(Mailbox.of("eddie@acme.example")).noneMatch(m -> m.text().contains(held));
    } finally {
      eddie.expectAt(200, "PUT", API + "/preferences", "{\"language\":\"en\",\"choices\":[]}");
    }
  }

  @Test
  void aBurstOfLeadsMakesADigestInsteadOfAFlood() {
    List<String> emails = List.of(lead("Burst One"), lead("Burst Two"), lead("Burst Three"));
    List<Mailbox.Mail> mails =
        await(
            () ->
                Mailbox.of("alice@acme.example").stream()
                    .filter(m -> emails.stream().anyMatch(e -> m.text().contains(e)))
                    .toList(),
            found ->
                emails.stream().allMatch(e -> found.stream().anyMatch(m -> m.text().contains(e))));
    assertThat(mails)
        .as(
            "at most one lead mail per digest window: three leads in a burst make two mails at most")
        .hasSizeLessThanOrEqualTo(2);
    assertThat(mails).anyMatch(m -> m.subject().matches("[23] new leads"));
  }

  @Test
  void aFailedItemIsToldToEditorsAndPutsItsCapsuleOnTheAttentionList() {
    HttpResponse<String> uploaded =
        alice.upload(
            capsule,
            "broken.pdf",
            "%PDF-1.7\n1 0 obj <<< garbage".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
    String item = ItEnvironment.json(uploaded.body()).get("id").asText();
    assertThat(alice.settled(capsule, item).get("stage").asText()).isEqualTo("failed");

    JsonNode told =
        first(
            await(
                    () -> eddie.expectAt(200, "GET", API, null),
                    i -> i.get("notifications").toString().contains("broken.pdf"))
                .get("notifications"),
            n -> n.toString().contains("broken.pdf"));
    assertThat(told.get("kind").asText()).isEqualTo("item.failed");
    assertThat(told.get("title").asText())
        .isEqualTo("An item of " + name + " could not be indexed");
    assertThat(told.get("text").asText()).contains("could not be read");
    assertThat(told.get("link").asText()).endsWith("/app/capsule.xhtml?id=" + capsule);
    Mailbox.await(
            "alice@acme.example",
            m -> m.text().contains("broken.pdf") && m.text().contains(name),
            Duration.ofSeconds(60))
        .orElseThrow(() -> new AssertionError("no mail about the failed item reached alice"));
    assertThat(vera.expectAt(200, "GET", API, null).toString())
        .as("members are not told about items")
        .doesNotContain("broken.pdf");

    JsonNode attention = alice.expectAt(200, "GET", "/api/v1/analytics/attention?max=50", null);
    JsonNode ours = first(attention, a -> a.get("capsuleId").asText().equals(capsule));
    assertThat(ours.get("failedItems").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(ours.get("name").asText()).isEqualTo(name);
    assertThat(grace.expectAt(200, "GET", "/api/v1/analytics/attention?max=50", null).toString())
        .as("another organization's attention list")
        .doesNotContain(capsule);
    assertThat(vera.callAt("GET", "/api/v1/analytics/attention", null).statusCode()).isEqualTo(403);
    HttpResponse<String> notANumber =
        alice.callAt("GET", "/api/v1/analytics/attention?max=lots", null);
    assertThat(notANumber.statusCode()).as(notANumber.body()).isEqualTo(400);
    assertThat(notANumber.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(notANumber.body()).contains("'lots' is not a value the query parameter max takes");
  }

  @Test
  void aNewUnansweredQuestionAndItsGrowthAreToldToAnalysts() {
    String question = "Is there a helicopter pad on the roof " + System.nanoTime() + "?";
    for (int i = 0; i < 5; i++) {
      Visitor visitor = new Visitor(key);
      JsonNode answer = visitor.answer(visitor.start(), question);
      assertThat(answer.get("outcome").asText()).as(answer.toString()).isNotEqualTo("answered");
    }
    Told.await(alice, "gap.new", capsule, question);
    Told.await(alice, "gap.growing", capsule, "went unanswered 5 times in the last 24 hours");
    JsonNode growing =
        first(
            alice.expectAt(200, "GET", API + "?max=100", null).get("notifications"),
            n -> n.get("kind").asText().equals("gap.growing") && n.toString().contains(question));
    assertThat(growing.get("link").asText()).endsWith("/app/gaps.xhtml?id=" + capsule);
    assertThat(vera.expectAt(200, "GET", API + "?max=100", null).toString())
        .as("members are not told about visitors' questions")
        .doesNotContain(question);
  }

  @Test
  void theWeeklySummaryReachesTheOrganizationsAnalystsOnce() throws Exception {
    // The test command makes today the summary's day, from midnight UTC. The summary tells of the
    // seven days before today, when a fresh database saw no visitor: conversations of this test's
    // capsule are written three days back, as the recorder would have, and rolled up again.
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    AnalyticsSeed lastWeek = AnalyticsSeed.of(capsule);
    try (Connection db = ItEnvironment.database()) {
      Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
      lastWeek.write(
          db,
          ItEnvironment.tenantSchema(db, "acme"),
          new Random(),
          List.of("visitor-" + UUID.randomUUID(), "visitor-" + UUID.randomUUID()),
          60,
          noon,
          noon.plus(Duration.ofHours(1)));
    }
    lastWeek.rollUpAgainUntilCounted(day);
    JsonNode summary =
        first(
            await(
                    () -> alice.expectAt(200, "GET", WEEKLY, null),
                    i -> i.get("notifications").size() > 0)
                .get("notifications"),
            n -> n.get("kind").asText().equals("summary.weekly"));
    assertThat(summary.get("title").asText()).startsWith("Your week on Encaptio: ");
    assertThat(summary.get("facts").has("Conversations")).isTrue();
    assertThat(summary.get("facts").get("Leads").asText()).matches("\\d+ \\(\\d+\\)");
    assertThat(summary.get("link").asText()).endsWith("/app/analytics.xhtml");
    // the e-mail went out; it is in this run's mail server unless the summary was raised by an
    // earlier run on the same database (once a week: today's stays)
    await(() -> summaryMailStatus(), "sent"::equals);
    if (OffsetDateTime.parse(summary.get("at").asText()).toInstant().isAfter(TESTS_STARTED)) {
      Mailbox.await(
              "alice@acme.example",
              m -> m.subject().startsWith("Your week on Encaptio"),
              Duration.ofSeconds(60))
          .orElseThrow(() -> new AssertionError("no weekly summary mail reached alice"));
    }
    assertThat(
            alice
                .expectAt(200, "GET", WEEKLY, null)
                .get("notifications")
                .findValuesAsText("title")
                .stream()
                .filter(summary.get("title").asText()::equals)
                .count())
        .as("once a week, however often the roll-up runs")
        .isEqualTo(1);
    assertThat(vera.expectAt(200, "GET", WEEKLY, null).get("notifications"))
        .as("members get no analytics")
        .isEmpty();
    HttpResponse<String> noKind = alice.callAt("GET", API + "?kind=everything", null);
    assertThat(noKind.statusCode()).isEqualTo(400);
    assertThat(noKind.body()).contains("summary.weekly");
  }

  @Test
  void hookAddressesKindsAndRolesAreChecked() {
    Map<String, String> refused =
        Map.of(
            "http://169.254.169.254/latest/meta-data", "private",
            "https://10.1.2.3/hook", "private",
            "ftp://127.0.0.1/x", "https://",
            "not a web address", "web address",
            "https://user:secret@hooks.example/x", "user name");
    refused.forEach(
        (url, says) -> {
          HttpResponse<String> answer =
              alice.callAt(
                  "POST",
                  API + "/hooks",
                  "{\"channel\":\"slack\",\"name\":\"x\",\"url\":\""
                      + url
                      + "\",\"kinds\":[\"lead.captured\"]}");
          assertThat(answer.statusCode()).as(url).isEqualTo(400);
          assertThat(answer.headers().firstValue("Content-Type").orElse(""))
              .startsWith("application/problem+json");
          assertThat(answer.body()).as(url).containsIgnoringCase(says);
        });
    HttpResponse<String> kind =
        alice.callAt(
            "POST",
            API + "/hooks",
            "{\"channel\":\"slack\",\"name\":\"x\",\"url\":\"http://127.0.0.1:"
                + hooks.port()
                + "/slack/ok\",\"kinds\":[\"everything\"]}");
    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(kind.body()).contains("lead.captured");
    assertThat(alice.callAt("POST", API + "/hooks", "{\"channel\": ").statusCode()).isEqualTo(400);
    assertThat(
            alice
                .callAt("PUT", API + "/preferences", "{\"language\":\"tlh\",\"choices\":[]}")
                .statusCode())
        .isEqualTo(400);

    String hookBody =
        "{\"channel\":\"teams\",\"name\":\"x\",\"url\":\"http://127.0.0.1:"
            + hooks.port()
            + "/teams/ok\",\"kinds\":[\"lead.captured\"]}";
    assertThat(vera.callAt("POST", API + "/hooks", hookBody).statusCode()).isEqualTo(403);
    assertThat(eddie.callAt("GET", API + "/hooks", null).statusCode()).isEqualTo(403);
    assertThat(eddie.callAt("GET", API + "/deliveries", null).statusCode()).isEqualTo(403);
    assertThat(
            vera.callAt("PUT", API + "/defaults", "{\"language\":\"en\",\"choices\":[]}")
                .statusCode())
        .isEqualTo(403);

    // another organization sees none of acme's hooks, deliveries or notifications, changes none
    assertThat(grace.expectAt(200, "GET", API + "/hooks", null).toString())
        .doesNotContain("#sales");
    assertThat(grace.expectAt(200, "GET", API + "/deliveries", null).toString())
        .doesNotContain(name);
    assertThat(grace.expectAt(200, "GET", API, null).toString()).doesNotContain(name);
    assertThat(grace.callAt("DELETE", API + "/hooks/" + added.get(0), null).statusCode())
        .isEqualTo(404);
    JsonNode aliceInbox = alice.expectAt(200, "GET", API, null).get("notifications");
    if (aliceInbox.size() > 0) {
      String id = aliceInbox.get(0).get("id").asText();
      assertThat(grace.callAt("POST", API + "/" + id + "/read", null).statusCode()).isEqualTo(404);
      assertThat(eddie.callAt("POST", API + "/" + id + "/read", null).statusCode())
          .as("someone else's notification, even in the same organization")
          .isEqualTo(404);
    }
    assertThat(alice.expectAt(200, "GET", API + "/hooks", null).toString()).contains("#sales");
  }

  /** The newest delivery to the hook of a lead of this test's capsule. */
  private static JsonNode delivery(String hookName) {
    for (JsonNode d : alice.expectAt(200, "GET", API + "/deliveries?max=100", null)) {
      if (d.get("to").asText().equals(hookName) && d.get("title").asText().contains(name)) {
        return d;
      }
    }
    return null;
  }

  private static int posts(String path, String email) {
    return (int)
        hooks.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
            .filter(r -> r.getBodyAsString().contains(email))
            .count();
  }

  private static LoggedRequest awaitPost(String path, String email) {
    return await(
        () ->
            hooks.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .filter(r -> r.getBodyAsString().contains(email))
                .findFirst()
                .orElse(null),
        r -> r != null);
  }

  /** The newest lead mail to eddie about this test's capsule in that status, or null. */
  private static JsonNode eddiesLeadMail(String status) {
    for (JsonNode d : alice.expectAt(200, "GET", API + "/deliveries?max=100", null)) {
      if (d.get("to").asText().equals("eddie@acme.example")
          && d.get("kind").asText().equals("lead.captured")
          && d.get("title").asText().contains(name)) {
        return d.get("status").asText().equals(status) ? d : null;
      }
    }
    return null;
  }

  /** When this test JVM started: the test server started before it. */
  private static final Instant TESTS_STARTED =
      Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

  /** The status of the e-mail delivery of alice's weekly summary, read in acme's schema. */
  private static String summaryMailStatus() {
    try (Connection db = ItEnvironment.database();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT d.status FROM "
                    + ItEnvironment.tenantSchema(db, "acme")
                    + ".notification_delivery d JOIN "
                    + ItEnvironment.tenantSchema(db, "acme")
                    + ".user_profile p ON p.subject = d.recipient"
                    + " WHERE d.kind = 'summary.weekly' AND d.channel = 'email'"
                    + " AND p.username = 'alice.acme' ORDER BY d.created_at DESC LIMIT 1");
        ResultSet row = query.executeQuery()) {
      return row.next() ? row.getString(1) : null;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode choice(JsonNode preferences, String kind) {
    return first(preferences.get("choices"), c -> c.get("kind").asText().equals(kind));
  }

  private static JsonNode first(JsonNode list, java.util.function.Predicate<JsonNode> matching) {
    for (JsonNode node : list) {
      if (matching.test(node)) {
        return node;
      }
    }
    throw new AssertionError("none matches in " + list);
  }

  private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) {
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not reached within 90 s; last seen: " + last);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = read.get();
    }
    return last;
  }
}
