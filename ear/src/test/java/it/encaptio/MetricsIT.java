package it.encaptio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
}
