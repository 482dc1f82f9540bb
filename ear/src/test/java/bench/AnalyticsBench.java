package bench;

import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.support.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The analytics benchmark's driver ({@code encaptio.sh bench analytics [EVENTS]}): writes EVENTS
 * visitor events (ten per conversation: open, three questions and their answers, feedback, a button
 * click, a lead; over the last 365 days, 20 capsules, 50,000 visitors) into acme's schema, has the
 * roll-up job count them all again (the rebuild a tenant import also takes), then times:
 *
 * <ul>
 *   <li>the Analytics page as the server renders it for a signed-in analyst (request to last byte,
 *       loopback): the organization's report and one capsule's, each request a different range of 7
 *       to 90 days ending on a different day of the year;
 *   <li>the same report through {@code GET /api/v1/analytics};
 *   <li>what recording costs an answer: the answer's transaction (its two message rows) with and
 *       without the two analytics events it records, alternating in one run, and those two INSERTs
 *       alone.
 * </ul>
 *
 * Writes {@code analytics.txt}.
 */
public final class AnalyticsBench {

  private static final int CAPSULES = 20;
  private static final int VISITORS = 50_000;
  private static final int REQUESTS = 330;
  private static final int WARM_UP = 30;

  public static void main(String[] args) throws Exception {
    long events = Long.parseLong(args.length > 0 ? args[0] : "1000000");
    Path out = Path.of(System.getProperty("bench.out", ".run/bench-analytics"));
    Files.createDirectories(out);
    ItEnvironment.awaitDemoTenants();

    CapsuleApi alice = new CapsuleApi("alice.acme");
    List<String> capsules = new ArrayList<>();
    for (int i = 0; i < CAPSULES; i++) {
      capsules.add(
          alice
              .expect(201, "POST", "", "{\"name\": \"Bench analytics " + i + "\"}")
              .get("id")
              .asText());
    }
    long rebuildMillis;
    long written;
    try (Connection db = ItEnvironment.database()) {
      String schema = ItEnvironment.tenantSchema(db, "acme");
      written = seed(db, schema, capsules, events);
      rebuildMillis = rebuild(db, schema);
    }

    String cookies;
    try (Browser browser = new Browser()) {
      browser.openSignedIn("/app/analytics.xhtml", "alice.acme");
      cookies = browser.cookieHeader();
    }
    String token = ItEnvironment.accessToken("alice.acme", "openid organization");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Ranges ranges = new Ranges(new Random(21));

    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "events=%d capsules=%d visitors=%d days=365 rebuild_s=%.1f",
            written,
            CAPSULES,
            VISITORS,
            rebuildMillis / 1000.0));
    lines.add(
        time("page_organization", () -> page(http, cookies, ranges.next(null)), "Conversations"));
    lines.add(
        time(
            "page_capsule",
            () -> page(http, cookies, ranges.next(capsules.get(ranges.random.nextInt(CAPSULES)))),
            "Conversations"));
    lines.add(time("api_organization", () -> api(http, token, ranges.next(null)), "\"totals\""));
    lines.addAll(recording());
    Files.write(out.resolve("analytics.txt"), lines);
    lines.forEach(System.out::println);
  }

  /** Report ranges that never repeat: 7 to 90 days, ending on a day of the last year. */
  private static final class Ranges {
    final Random random;
    final Set<String> used = new HashSet<>();

    Ranges(Random random) {
      this.random = random;
    }

    String next(String capsule) {
      while (true) {
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(random.nextInt(330));
        LocalDate from = to.minusDays(6 + random.nextInt(84));
        String query =
            "from=" + from + "&to=" + to + (capsule == null ? "" : "&capsule=" + capsule);
        if (used.add(query)) {
          return query;
        }
      }
    }
  }

  private interface Call {
    HttpResponse<String> send() throws Exception;
  }

  private static String time(String label, Call call, String mustContain) throws Exception {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = call.send();
      long took = (System.nanoTime() - start) / 1000;
      if (response.statusCode() != 200 || !response.body().contains(mustContain)) {
        throw new IllegalStateException(
            label + " answered " + response.statusCode() + ": " + response.body());
      }
      if (i >= WARM_UP) {
        micros.add(took);
      }
    }
    return Timings.line(label, micros);
  }

  private static HttpResponse<String> page(HttpClient http, String cookies, String query)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(ItEnvironment.baseUrl() + "/app/analytics.xhtml?" + query))
            .header("Cookie", cookies)
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> api(HttpClient http, String token, String query)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(ItEnvironment.baseUrl() + "/api/v1/analytics?" + query))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Conversations with ten events each, in one statement per 100,000 events; then ANALYZE. */
  private static long seed(Connection db, String schema, List<String> capsules, long events)
      throws Exception {
    String capsuleArray =
        capsules.stream()
            .map(c -> "'" + c + "'::uuid")
            .collect(Collectors.joining(",", "ARRAY[", "]"));
    long written = 0;
    try (Statement sql = db.createStatement()) {
      for (long done = 0; done < events; done += 100_000) {
        long conversations = Math.min(100_000, events - done) / 10;
        written +=
            sql.executeUpdate(
                "WITH c AS (INSERT INTO "
                    + schema
                    + ".conversation (id, capsule_id, channel, started_by, started_at, last_at,"
                    + " visitor_id)"
                    + " SELECT gen_random_uuid(), ("
                    + capsuleArray
                    + ")[1 + (i % "
                    + CAPSULES
                    + ")], (ARRAY['widget','share','api'])[1 + (i % 3)], 'visitor', t, t,"
                    + " 'bench-visitor-' || (i * 7919 % "
                    + VISITORS
                    + ") FROM (SELECT i, now() - random() * interval '365 days' AS t"
                    + " FROM generate_series("
                    + (done / 10 + 1)
                    + ", "
                    + (done / 10 + conversations)
                    + ") i) x RETURNING id, capsule_id, started_at)"
                    + " INSERT INTO "
                    + schema
                    + ".analytics_event (id, capsule_id, kind, conversation_id, detail, created_at)"
                    + " SELECT gen_random_uuid(), c.capsule_id, k.kind, c.id,"
                    + " CASE k.kind WHEN 'open' THEN 'widget' WHEN 'message' THEN 'question'"
                    + " WHEN 'answer' THEN (ARRAY['answered','hedged','refused','greeting'])"
                    + "[1 + floor(random() * 4)::int]"
                    + " WHEN 'feedback' THEN CASE WHEN random() < 0.7 THEN '+1' ELSE '-1' END"
                    + " WHEN 'button-click' THEN 'Book a visit' END,"
                    + " c.started_at + k.n * interval '20 seconds'"
                    + " FROM c CROSS JOIN (VALUES (0, 'open'), (1, 'message'), (2, 'answer'),"
                    + " (3, 'message'), (4, 'answer'), (5, 'message'), (6, 'answer'),"
                    + " (7, 'feedback'), (8, 'button-click'), (9, 'lead')) k(n, kind)");
      }
      sql.execute("ANALYZE " + schema + ".conversation");
      sql.execute("ANALYZE " + schema + ".analytics_event");
    }
    return written;
  }

  /**
   * Forgets how far the roll-up went, as an import does, and waits for the job to count every event
   * again; answers how long that took.
   */
  private static long rebuild(Connection db, String schema) throws Exception {
    Instant start = Instant.now();
    try (Statement sql = db.createStatement()) {
      sql.executeUpdate("DELETE FROM " + schema + ".analytics_rollup");
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (System.nanoTime() < deadline) {
      try (PreparedStatement query =
              db.prepareStatement("SELECT rolled_at FROM " + schema + ".analytics_rollup");
          ResultSet row = query.executeQuery()) {
        if (row.next() && row.getTimestamp(1).toInstant().isAfter(start)) {
          return Duration.between(start, row.getTimestamp(1).toInstant()).toMillis();
        }
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("the roll-up did not count the events within 30 minutes");
  }

  /**
   * An answer's transaction as the chat path writes it (the visitor's question and the answer into
   * {@code message}) with and without its two analytics events (message, answer), alternating, each
   * rolled back; and the two event INSERTs alone, timed inside the "with" transactions.
   */
  private static List<String> recording() throws Exception {
    List<Long> without = new ArrayList<>();
    List<Long> with = new ArrayList<>();
    List<Long> inserts = new ArrayList<>();
    try (Connection db = ItEnvironment.database()) {
      String schema = ItEnvironment.tenantSchema(db, "acme");
      UUID conversation;
      UUID capsule;
      try (Statement sql = db.createStatement();
          ResultSet row =
              sql.executeQuery(
                  "SELECT id, capsule_id FROM "
                      + schema
                      + ".conversation WHERE visitor_id LIKE 'bench-visitor-%' LIMIT 1")) {
        row.next();
        conversation = (UUID) row.getObject(1);
        capsule = (UUID) row.getObject(2);
      }
      db.setAutoCommit(false);
      try (PreparedStatement message =
              db.prepareStatement(
                  "INSERT INTO "
                      + schema
                      + ".message (id, conversation_id, ordinal, role, text, outcome, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement event =
              db.prepareStatement(
                  "INSERT INTO "
                      + schema
                      + ".analytics_event (id, capsule_id, kind, conversation_id, detail,"
                      + " created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < 2 * 2_300; i++) {
          boolean recorded = i % 2 == 1;
          OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
          long start = System.nanoTime();
          for (int m = 0; m < 2; m++) {
            message.setObject(1, UUID.randomUUID());
            message.setObject(2, conversation);
            message.setInt(3, 1_000_000 + 2 * i + m);
            message.setString(4, m == 0 ? "visitor" : "assistant");
            message.setString(5, m == 0 ? "Question " + i + "?" : "Answer " + i + ".");
            message.setString(6, m == 0 ? null : "answered");
            message.setObject(7, now);
            message.executeUpdate();
          }
          long eventsStart = System.nanoTime();
          if (recorded) {
            for (String kind : List.of("message", "answer")) {
              event.setObject(1, UUID.randomUUID());
              event.setObject(2, capsule);
              event.setString(3, kind);
              event.setObject(4, conversation);
              event.setString(5, kind.equals("message") ? "question" : "answered");
              event.setObject(6, now);
              event.executeUpdate();
            }
          }
          long eventsTook = (System.nanoTime() - eventsStart) / 1000;
          db.rollback();
          long took = (System.nanoTime() - start) / 1000;
          if (i >= 600) {
            (recorded ? with : without).add(took);
            if (recorded) {
              inserts.add(eventsTook);
            }
          }
        }
      }
    }
    return List.of(
        Timings.line("answer_tx_without_events", without),
        Timings.line("answer_tx_with_events", with),
        Timings.line("event_inserts", inserts));
  }
}
