package it.encaptio.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analytics roll-ups against the raw events they come from: random streams of visitor events
 * written into a capsule of acme's own, part of them late (stamped before the quarter the roll-up
 * had already counted), then the report per day of several time zones (quarter-hour, half-hour and
 * whole-hour offsets) compared with counts made by SQL over the raw events; the role and isolation
 * rules of {@code /api/v1/analytics}, its CSV, and its refusals of ranges and zones it cannot use.
 */
class AnalyticsIT {

  private static final List<String> ZONES =
      List.of("UTC", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns", "America/Los_Angeles");
  private static final CapsuleApi EDITOR = new CapsuleApi("eddie.acme");
  private static AnalyticsSeed seed;
  private static String capsule;

  @BeforeAll
  static void capsuleOfItsOwn() {
    ItEnvironment.awaitDemoTenants();
    seed = AnalyticsSeed.newCapsule(EDITOR);
    capsule = seed.capsule;
  }

  /**
   * A quiet tenant's roll-up waits its idle time (a day by default), so 10,000 quiet tenants cost
   * some 7 roll-ups a minute, not 10,000; a visitor's event brings it forward at the node's next
   * roll-up tick (every 10 s in the test command).
   */
  @Test
  void aVisitorsEventBringsAQuietTenantsRollUpForward() throws Exception {
    String id =
        EDITOR
            .publishedCapsule("Quiet " + UUID.randomUUID(), "blank", "We open at nine.")
            .get("id")
            .asText();
    String key = EDITOR.expect(200, "GET", "/" + id + "/delivery", null).get("publicKey").asText();
    String quiet =
        "update platform.jobs set run_after = now() + interval '1 hour'"
            + " where kind = 'analytics-rollup' and state = 'queued'"
            + " and tenant_id = (select id from platform.tenants where slug = 'acme')";
    try (Connection db = ItEnvironment.database();
        PreparedStatement makeQuiet = db.prepareStatement(quiet)) {
      changeTheWaitingRollUp("acme's roll-up waiting, made quiet", makeQuiet);
      assertThat(secondsUntilRollUp(db)).as("quiet: due in an hour").isGreaterThan(3_500);

      try {
        HttpResponse<String> opened =
            new it.encaptio.delivery.Visitor(key)
                .call("POST", "/conversations", "{\"channel\": \"widget\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);

        ItEnvironment.await(
            "acme's roll-up brought forward by the visitor's event",
            Duration.ofSeconds(40),
            () -> secondsUntilRollUp(db) < 60);
      } finally { // never leave acme's roll-up an hour away for the tests after this one
        try (PreparedStatement due =
            db.prepareStatement(quiet.replace("now() + interval '1 hour'", "now()"))) {
          due.executeUpdate();
        }
      }
    }
  }

  /**
   * The weekly summaries' time (today 00:00 UTC in the test command) brings a roll-up queued before
   * it and waiting a day into the next 12 hours, at the node's next roll-up tick (to the tenant's
   * time from 00:10, or from the tick when later): a quiet tenant's summary does not wait for its
   * idle roll-up (a day by default).
   */
  @Test
  void theWeeklySummariesTimeBringsARollUpQueuedBeforeItForward() throws Exception {
    String waiting =
        " where kind = 'analytics-rollup' and state = 'queued'"
            + " and tenant_id = (select id from platform.tenants where slug = 'globex')";
    try (Connection db = ItEnvironment.database();
        PreparedStatement queuedBefore =
            db.prepareStatement(
                "update platform.jobs set created_at = now() - interval '2 days',"
                    + " run_after = now() + interval '1 day', attempts = 0"
                    + waiting);
        PreparedStatement state =
            db.prepareStatement(
                "select run_after < now() + interval '12 hours 11 minutes',"
                    + " created_at < now() - interval '1 day' from platform.jobs"
                    + waiting)) {
      try {
        changeTheWaitingRollUp(
            "globex's roll-up waiting, made queued two days ago and due tomorrow", queuedBefore);
        ItEnvironment.await(
            "globex's roll-up brought into the weekly summaries' day, or run and queued again",
            Duration.ofSeconds(40),
            () -> {
              try (ResultSet rows = state.executeQuery()) {
                // brought forward, or run already: the one waiting now was queued after it
                return !rows.next() || rows.getBoolean(1) || !rows.getBoolean(2);
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
            });
      } finally { // never leave globex's roll-up a day away for the tests after this one
        try (PreparedStatement due =
            db.prepareStatement("update platform.jobs set run_after = now()" + waiting)) {
          due.executeUpdate();
        }
      }
    }
  }

  /**
   * Runs the update until it changes the tenant's one waiting roll-up (none waits while one runs).
   */
  private static void changeTheWaitingRollUp(String what, PreparedStatement update) {
    ItEnvironment.await(
        what,
        Duration.ofSeconds(60),
        () -> {
          try {
            return update.executeUpdate() == 1;
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * Seconds until acme's waiting roll-up is due (negative when it is due already; 0 when none
   * waits, as while one runs).
   */
  private static double secondsUntilRollUp(Connection db) {
    try (PreparedStatement query =
            db.prepareStatement(
                "select coalesce(max(extract(epoch from run_after - now())), 0) from platform.jobs"
                    + " where kind = 'analytics-rollup' and state = 'queued'"
                    + " and tenant_id = (select id from platform.tenants where slug = 'acme')");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getDouble(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void rollUpsEqualTheRawCountsPerDayInEveryTimeZoneLateEventsIncluded() throws Exception {
    Random random = new Random(Long.getLong("analytics.seed", System.nanoTime()));
    try (Connection db = ItEnvironment.database()) {
      String schema = ItEnvironment.tenantSchema(db, "acme");
      List<String> visitors = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        visitors.add("visitor-" + UUID.randomUUID());
      }
      // the first stream, then a roll-up
      Instant now = Instant.now();
      seed.write(db, schema, random, visitors, 300, now.minus(Duration.ofMinutes(100)), now);
      Instant rolled = AnalyticsSeed.awaitRollUpAfter(Instant.now());
      // the second stream is late: stamped inside quarters the roll-up has counted already
      seed.write(db, schema, random, visitors, 200, rolled.minus(Duration.ofMinutes(90)), rolled);
      AnalyticsSeed.awaitRollUpAfter(Instant.now());
      for (String zone : ZONES) {
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        JsonNode report = report(today.minusDays(2), today.plusDays(1), zone);
        Map<LocalDate, long[]> raw = raw(db, schema, zone);
        long messages = 0;
        for (JsonNode day : report.get("days")) {
          LocalDate date = LocalDate.parse(day.get("day").asText());
          long[] expected = raw.getOrDefault(date, new long[10]);
          assertThat(
                  new long[] {
                    day.get("conversations").asLong(),
                    day.get("messages").asLong(),
                    day.get("visitors").asLong(),
                    day.get("questions").asLong(),
                    day.get("answered").asLong(),
                    day.get("feedback").asLong(),
                    day.get("positive").asLong(),
                    day.get("leads").asLong(),
                    day.get("clicks").asLong()
                  })
              .as(
                  "%s in %s (conversations, messages, visitors, questions, answered, feedback,"
                      + " positive, leads, clicks)",
                  date, zone)
              .containsExactly(java.util.Arrays.copyOf(expected, 9));
          messages += day.get("messages").asLong();
        }
        assertThat(raw.keySet())
            .allSatisfy(day -> assertThat(day).isBetween(today.minusDays(2), today.plusDays(1)));
        long hours = 0;
        for (JsonNode hour : report.get("hours")) {
          hours += hour.asLong();
        }
        assertThat(hours).as("messages by hour of the day in %s", zone).isEqualTo(messages);
        assertThat(report.get("totals").get("visitors").asLong())
            .as("distinct visitors over the range in %s", zone)
            .isEqualTo(distinctVisitors(db, schema));
      }
    }
  }

  @Test
  void theQuestionsAskedMostAreTheClustersWithTheMostQuestionsInTheRange() throws Exception {
    AnalyticsSeed questions = AnalyticsSeed.newCapsule(EDITOR);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection db = ItEnvironment.database()) {
      String schema = ItEnvironment.tenantSchema(db, "acme");
      // asked in the range: 5 (2 unanswered), 3 (3 unanswered), 1; and 4 more of the last, a year
      // ago
      questions.cluster(db, schema, "Is there parking?", 5, 2, now.minusHours(2));
      questions.cluster(db, schema, "Do you take dogs?", 3, 3, now.minusHours(3));
      UUID old = questions.cluster(db, schema, "When do you open?", 1, 0, now.minusHours(1));
      questions.members(db, schema, old, "When do you open?", 4, 0, now.minusYears(1));
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    JsonNode top =
        EDITOR
            .expectAt(
                200,
                "GET",
                "/api/v1/analytics?capsule="
                    + questions.capsule
                    + "&from="
                    + today.minusDays(6)
                    + "&to="
                    + today,
                null)
            .get("topQuestions");
    List<String> rows = new ArrayList<>();
    top.forEach(
        q ->
            rows.add(
                q.get("question").asText()
                    + " "
                    + q.get("asked").asLong()
                    + " "
                    + q.get("unanswered").asLong()));
    assertThat(rows)
        .containsExactly("Is there parking? 5 2", "Do you take dogs? 3 3", "When do you open? 1 0");
    JsonNode globex =
        new CapsuleApi("grace.globex")
            .expectAt(
                200, "GET", "/api/v1/analytics?from=" + today.minusDays(6) + "&to=" + today, null);
    assertThat(globex.get("topQuestions").findValuesAsText("clusterId"))
        .as("globex's organization report has none of acme's questions")
        .doesNotContainAnyElementsOf(top.findValuesAsText("clusterId"));
  }

  @Test
  void anotherOrganizationGets404AndAMemberIsRefused() {
    CapsuleApi globex = new CapsuleApi("grace.globex");
    HttpResponse<String> foreign =
        globex.callAt("GET", "/api/v1/analytics?capsule=" + capsule, null);
    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("Analytics ");
    HttpResponse<String> member =
        new CapsuleApi("vera.acme").callAt("GET", "/api/v1/analytics", null);
    assertThat(member.statusCode()).as(member.body()).isEqualTo(403);
  }

  @Test
  void rangesAndZonesThatCannotBeUsedAreRefusedSayingWhatToSend() {
    Map<String, String> refused = new HashMap<>();
    refused.put("from=2026-12-06&to=2026-12-01", "before the first");
    refused.put("from=2024-01-01&to=2026-01-01", "at most 366 days");
    refused.put("from=yesterday", "write it as 2026-12-06");
    refused.put("zone=Mars/Olympus_Mons", "Unknown time zone");
    refused.put("capsule=not-a-capsule", "is not a capsule id");
    refused.forEach(
        (query, says) -> {
          HttpResponse<String> response = EDITOR.callAt("GET", "/api/v1/analytics?" + query, null);
          assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
          assertThat(response.headers().firstValue("Content-Type").orElse(""))
              .startsWith("application/problem+json");
          assertThat(response.body()).as(query).contains(says);
        });
  }

  @Test
  void theDailyFiguresComeAsCsvWithADayPerRow() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    HttpResponse<String> csv =
        EDITOR.callAt(
            "GET",
            "/api/v1/analytics?capsule=" + capsule + "&from=" + today.minusDays(6) + "&to=" + today,
            null,
            "Accept",
            "text/csv");
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).contains("day,conversations,messages,visitors");
    assertThat(lines).hasSize(8);
    assertThat(lines.get(1)).startsWith(today.minusDays(6).toString());
  }

  private static JsonNode report(LocalDate from, LocalDate to, String zone) {
    return EDITOR.expectAt(
        200,
        "GET",
        "/api/v1/analytics?capsule="
            + capsule
            + "&from="
            + from
            + "&to="
            + to
            + "&zone="
            + URLEncoder.encode(zone, StandardCharsets.UTF_8),
        null);
  }

  /**
   * The raw events' figures per day of the zone: conversations, messages, visitors, questions,
   * answered, feedback, positive, leads, clicks.
   */
  private static Map<LocalDate, long[]> raw(Connection db, String schema, String zone)
      throws Exception {
    Map<LocalDate, long[]> days = new HashMap<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "select cast(e.created_at at time zone ? as date),"
                + " count(*) filter (where e.kind = 'open'),"
                + " count(*) filter (where e.kind = 'message'),"
                + " count(distinct c.visitor_id),"
                + " count(*) filter (where e.kind = 'answer'"
                + "   and e.detail in ('answered', 'hedged', 'refused')),"
                + " count(*) filter (where e.kind = 'answer' and e.detail = 'answered'),"
                + " count(*) filter (where e.kind = 'feedback'),"
                + " count(*) filter (where e.kind = 'feedback' and e.detail = '+1'),"
                + " count(*) filter (where e.kind = 'lead'),"
                + " count(*) filter (where e.kind = 'button-click')"
                + " from "
                + schema
                + ".analytics_event e left join "
                + schema
                + ".conversation c on c.id = e.conversation_id"
                + " where e.capsule_id = ? group by 1")) {
      query.setString(1, zone);
      query.setObject(2, UUID.fromString(capsule));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          long[] figures = new long[9];
          for (int i = 0; i < 9; i++) {
            figures[i] = rows.getLong(i + 2);
          }
          days.put(rows.getDate(1).toLocalDate(), figures);
        }
      }
    }
    return days;
  }

  private static long distinctVisitors(Connection db, String schema) throws Exception {
    try (PreparedStatement query =
        db.prepareStatement(
            "select count(distinct c.visitor_id) from "
                + schema
                + ".analytics_event e join "
                + schema
                + ".conversation c on c.id = e.conversation_id where e.capsule_id = ?")) {
      query.setObject(1, UUID.fromString(capsule));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
