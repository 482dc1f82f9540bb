package it.encaptio;

import static org.assertj.core.api.Assertions.assertThat;

import it.encaptio.capsule.CapsuleApi;
import it.encaptio.delivery.Visitor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * /metrics is for the metrics user only (basic authentication, Liberty's Viewer role) and over
 * HTTPS only: the app Ingress, which routes to the HTTP port, cannot expose it; a person of an
 * organization cannot read it with their token, and the metrics user enters neither the portal nor
 * the API.
 */
class MetricsIT {

  private static final HttpClient TLS = ItEnvironment.httpsClient();

  private static HttpResponse<String> metrics(String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(ItEnvironment.httpsUrl() + "/metrics"))
            .timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return TLS.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void onlyTheMetricsUserReadsThemAndOnlyOverHttps() {
    HttpResponse<String> plain = ItEnvironment.get("/metrics");
    assertThat(plain.statusCode()).as("plain HTTP is not served").isNotEqualTo(200);
    assertThat(plain.body()).doesNotContain("# TYPE");

    assertThat(metrics().statusCode()).as("no credentials").isEqualTo(401);
    assertThat(
            metrics("Authorization", ItEnvironment.basic("metrics", "not-the-password"))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            metrics("Authorization", "Bearer " + ItEnvironment.accessToken("alice.acme", "openid"))
                .statusCode())
        .as("an organization's owner is no scraper")
        .isIn(401, 403);

    // the metrics user is no person: neither the portal nor the API lets it in
    String scraper =
        ItEnvironment.basic(
            "metrics", ItEnvironment.env("ENCAPTIO_METRICS_PASSWORD", "encaptio-dev-metrics"));
    HttpResponse<String> portal =
        ItEnvironment.get("/app/dashboard.xhtml", "Authorization", scraper);
    assertThat(portal.body()).as("sent to sign in at Keycloak").contains("Redirect To OP");
    assertThat(ItEnvironment.get("/api/v1/me", "Authorization", scraper).statusCode())
        .isEqualTo(401);

    String scraped = ItEnvironment.metrics("");
    assertThat(scraped).contains("# TYPE", "jvm_");
  }

  /**
   * A visitor is answered and then refused by the per-visitor limit; the scrape then holds the
   * product's metrics, and every metric the Grafana dashboard and the alert rules in k8s/monitoring
   * read (histogram buckets included).
   */
  @Test
  void theProductsMetricsAreScrapedAndEveryOneTheDashboardAndAlertsReadExists() throws Exception {
    String key =
        new CapsuleApi("alice.acme")
            .publishedCapsule(
                "Metrics " + System.nanoTime(),
                "real-estate",
                "The flat has two bedrooms and a balcony facing the harbour.")
            .get("publicKey")
            .asText();
    Visitor visitor = new Visitor(key);
    String conversation = visitor.start();
    String address = "198.18.200." + java.util.concurrent.ThreadLocalRandom.current().nextInt(250);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      statuses.add(
          visitor
              .ask(conversation, "How many bedrooms? (" + i + ")", "X-Forwarded-For", address)
              .statusCode());
    }
    // 200s, or 500s once an in-JVM restart of the app by another test has left the embedding
    // models unloadable (DJL's native tokenizer): counted as outcome "error" either way
    assertThat(statuses).as("asked, then over the visitor's limit").contains(429);

    String scraped = ItEnvironment.metrics("");
    assertThat(scraped)
        .contains(
            "encaptio_answers_total{",
            "encaptio_rate_limit_refusals_total{limit=\"visitor-messages\"",
            "encaptio_tenant_requests_total{",
            "encaptio_jobs_due ",
            "encaptio_jobs_oldest_due_seconds ",
            "encaptio_cluster_members ");
    Path monitoring = Path.of(System.getProperty("user.dir")).getParent().resolve("k8s/monitoring");
    Set<String> read = new TreeSet<>();
    Matcher names =
        Pattern.compile("\\b(encaptio_[a-z_]+|http_server_[a-z_]+)")
            .matcher(
                Files.readString(monitoring.resolve("alert-rules.yaml"))
                    + Files.readString(monitoring.resolve("grafana-dashboard.json")));
    while (names.find()) {
      read.add(names.group(1));
    }
    assertThat(read).as("metrics the dashboard and alerts read").hasSizeGreaterThan(6);
    assertThat(read)
        .as("every one is served")
        .allSatisfy(
            name ->
                assertThat(scraped.contains(name + "{") || scraped.contains(name + " "))
                    .as(name)
                    .isTrue());
  }
}
