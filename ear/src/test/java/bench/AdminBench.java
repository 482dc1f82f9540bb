package bench;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The organization-administration benchmark's driver, against the benchmark server:
 *
 * <ol>
 *   <li>{@code fill}: acme's audit log filled to {@value #ROWS} rows over a year from {@value
 *       #ACTORS} actors (one INSERT … SELECT, then ANALYZE), and {@value #CAPSULES} capsules;
 *   <li>audit page: GET /api/v1/audit filtered by one actor and a 30-day range, as the Audit page
 *       asks it, each request a different actor and range; and by range alone;
 *   <li>audit write: the INSERT an audited action adds to its transaction, into that table, each in
 *       a transaction rolled back (so the table stays at its size);
 *   <li>permission: GET /api/v1/capsules (pages of 20 at varying offsets) by four people of
 *       different roles, timed at the client, with the server's own timers of the per-request role
 *       read and of the interceptor's check read from /metrics in the same run.
 * </ol>
 *
 * Writes {@code admin.txt} into {@code bench.out}.
 */
public final class AdminBench {

  static final int ROWS = 1_000_000;
  static final int ACTORS = 200;
  static final int CAPSULES = 200;

  public static void main(String[] args) throws Exception {
    Path out = Path.of(System.getProperty("bench.out", ".run/bench-admin"));
    ItEnvironment.awaitDemoTenants();
    List<String> lines = new ArrayList<>();
    lines.add(fill());
    lines.add(auditPage(true));
    lines.add(auditPage(false));
    lines.add(auditWrite());
    lines.addAll(permission());
    Files.write(out.resolve("admin.txt"), lines);
    lines.forEach(System.out::println);
  }

  private static String fill() throws Exception {
    try (Connection db = ItEnvironment.database();
        Statement sql = db.createStatement()) {
      String schema = ItEnvironment.tenantSchema(db, "acme");
      long start = System.nanoTime();
      sql.execute(
          "INSERT INTO "
              + schema
              + ".audit_log (id, at, actor_kind, actor_subject, actor_name, actor_role, action,"
              + " target, capsule_id, address, detail)"
              + " SELECT gen_random_uuid(), now() - random() * interval '365 days', 'person',"
              + " 'bench-actor-' || (i % "
              + ACTORS
              + "), 'Bench Actor ' || (i % "
              + ACTORS
              + "), 'editor',"
              + " (ARRAY['capsule.published','capsule.draft_saved','content.added',"
              + "'content.deleted','member.role_changed','member.signed_in'])[1 + i % 6],"
              + " 'target-' || i, CASE WHEN i % 3 = 0 THEN gen_random_uuid()::text END,"
              + " '10.0.' || (i % 250) || '.' || (i % 7), NULL"
              + " FROM generate_series(1, "
              + ROWS
              + ") AS i");
      sql.execute("ANALYZE " + schema + ".audit_log");
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      var alice = new it.encaptio.capsule.CapsuleApi("alice.acme");
      for (int i = 0; i < CAPSULES; i++) {
        alice.expect(201, "POST", "", "{\"name\":\"Bench " + i + "\",\"template\":\"blank\"}");
      }
      return "fill rows="
          + ROWS
          + " actors="
          + ACTORS
          + " seconds="
          + seconds
          + " capsules="
          + CAPSULES;
    }
  }

  private static String auditPage(boolean byActor) {
    String token = ItEnvironment.accessToken("alice.acme", "openid organization");
    Random random = new Random(byActor ? 15 : 16);
    List<Long> micros = new ArrayList<>();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int i = 0; i < 330; i++) {
      LocalDate from = today.minusDays(30 + random.nextInt(330));
      String query =
          "/api/v1/audit?max=25&from="
              + from
              + "&to="
              + from.plusDays(29)
              + (byActor ? "&actor=bench-actor-" + random.nextInt(ACTORS) : "");
      long start = System.nanoTime();
      HttpResponse<String> response = ItEnvironment.get(query, "Authorization", "Bearer " + token);
      long took = (System.nanoTime() - start) / 1000;
      if (response.statusCode() != 200
          || ItEnvironment.json(response.body()).get("total").asLong() == 0) {
        throw new IllegalStateException(
            "audit page answered " + response.statusCode() + ": " + response.body());
      }
      if (i >= 30) {
        micros.add(took);
      }
    }
    return Timings.line(byActor ? "audit_page_actor_range" : "audit_page_range", micros);
  }

  private static String auditWrite() throws Exception {
    List<Long> micros = new ArrayList<>();
    try (Connection db = ItEnvironment.database()) {
      String schema = ItEnvironment.tenantSchema(db, "acme");
      db.setAutoCommit(false);
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO "
                  + schema
                  + ".audit_log (id, at, actor_kind, actor_subject, actor_name, actor_role,"
                  + " action, target, capsule_id, address, detail)"
                  + " VALUES (?, ?, 'person', ?, 'Bench Writer', 'editor', 'capsule.published',"
                  + " ?, ?, '10.1.2.3', NULL)")) {
        for (int i = 0; i < 2_300; i++) {
          insert.setObject(1, UUID.randomUUID());
          insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
          insert.setString(3, "bench-actor-" + (i % ACTORS));
          insert.setString(4, UUID.randomUUID().toString());
          insert.setString(5, UUID.randomUUID().toString());
          long start = System.nanoTime();
          insert.executeUpdate();
          long took = (System.nanoTime() - start) / 1000;
          db.rollback();
          if (i >= 300) {
            micros.add(took);
          }
        }
      }
    }
    return Timings.line("audit_write", micros);
  }

  private static List<String> permission() {
    String[] people = {"alice.acme", "eddie.acme", "vera.acme", "casey.consultant"};
    String[] tokens = new String[people.length];
    for (int i = 0; i < people.length; i++) {
      tokens[i] = ItEnvironment.accessToken(people[i], "openid organization:*");
    }
    Random random = new Random(17);
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < 2_200; i++) {
      int who = i % people.length;
      String path = "/api/v1/capsules?max=20&first=" + random.nextInt(CAPSULES - 20);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(ItEnvironment.baseUrl() + path))
              .header("Authorization", "Bearer " + tokens[who])
              .header("Encaptio-Organization", "acme")
              .timeout(Duration.ofSeconds(30))
              .build();
      long start = System.nanoTime();
      HttpResponse<String> response = ItEnvironment.send(request);
      long took = (System.nanoTime() - start) / 1000;
      JsonNode page = response.statusCode() == 200 ? ItEnvironment.json(response.body()) : null;
      if (page == null || page.get("capsules").size() != 20) {
        throw new IllegalStateException("capsule list answered " + response.statusCode());
      }
      if (i >= 200) {
        micros.add(took);
      }
    }
    String metrics = ItEnvironment.metrics("?scope=application");
    List<String> lines = new ArrayList<>();
    lines.add(Timings.line("capsule_list", micros));
    lines.add(serverTimer(metrics, "encaptio_authorization_membership", "role_read"));
    lines.add(serverTimer(metrics, "encaptio_authorization_check", "interceptor_check"));
    return lines;
  }

  /** A timer's median and 95th percentile from the Prometheus text, in ms. */
  private static String serverTimer(String metrics, String name, String label) {
    double p50 = quantile(metrics, name, "0.5");
    double p95 = quantile(metrics, name, "0.95");
    return String.format(
        Locale.ROOT, "timer=%s p50_ms=%.3f p95_ms=%.3f", label, p50 * 1000, p95 * 1000);
  }

  private static double quantile(String metrics, String name, String quantile) {
    Matcher m =
        Pattern.compile(
                "^"
                    + name
                    + "_seconds\\{[^}]*quantile=\""
                    + Pattern.quote(quantile)
                    + "\"[^}]*} ([0-9.eE+-]+)$",
                Pattern.MULTILINE)
            .matcher(metrics);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " quantile " + quantile + " on /metrics");
    }
    return Double.parseDouble(m.group(1));
  }
}
