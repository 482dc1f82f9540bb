package it.encaptio;

import static it.encaptio.ItEnvironment.accessToken;
import static it.encaptio.ItEnvironment.get;
import static it.encaptio.ItEnvironment.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/v1/me against the started server, with real tokens from the running Keycloak. */
class MeApiIT {

  @BeforeAll
  static void demoTenantsAreRegistered() {
    ItEnvironment.awaitDemoTenants();
  }

  private static HttpResponse<String> me(String token, String... extraHeaders) {
    String[] headers = new String[2 + extraHeaders.length];
    headers[0] = "Authorization";
    headers[1] = "Bearer " + token;
    System.arraycopy(extraHeaders, 0, headers, 2, extraHeaders.length);
    return get("/api/v1/me", headers);
  }

  @Test
  void returnsUserRolesAndTenantForAValidToken() {
    HttpResponse<String> response = me(accessToken("alice.acme", "openid organization"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .contains("application/json");
    JsonNode me = json(response.body());
    assertThat(me.get("username").asText()).isEqualTo("alice.acme");
    assertThat(me.get("name").asText()).isEqualTo("Alice Anders");
    assertThat(me.get("email").asText()).isEqualTo("alice@acme.example");
    assertThat(me.get("role").asText())
        .as("the role in the token's organization")
        .isEqualTo("owner");
    assertThat(me.at("/tenant/slug").asText()).isEqualTo("acme");
    assertThat(me.at("/tenant/name").asText()).isEqualTo("Acme Corp");
    assertThat(me.at("/tenant/status").asText()).isEqualTo("active");
  }

  @Test
  void globexTokenNeverYieldsAcmesTenant() {
    String globex = accessToken("grace.globex", "openid organization");

    JsonNode me = json(me(globex).body());
    assertThat(me.at("/tenant/slug").asText()).isEqualTo("globex");

    HttpResponse<String> askingForAcme = me(globex, "Encaptio-Organization", "acme");
    assertThat(askingForAcme.statusCode()).isEqualTo(403);
    assertThat(askingForAcme.body()).doesNotContain("Acme Corp");
    assertProblem(askingForAcme, 403, "forbidden");
  }

  @Test
  void missingTokenGets401ProblemJson() {
    HttpResponse<String> response = get("/api/v1/me");

    assertProblem(response, 401, "unauthenticated");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .get()
        .asString()
        .startsWith("Bearer");
  }

  @Test
  void tamperedTokenGets401() {
    String token = accessToken("grace.globex", "openid organization");
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = payload.replace("\"globex\"", "\"acme\"");
    assertThat(forged).isNotEqualTo(payload);
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    HttpResponse<String> response = me(tampered);

    assertProblem(response, 401, "unauthenticated");
    assertThat(response.body()).doesNotContain("Acme Corp");
  }

  @Test
  void expiredTokenGets401() throws InterruptedException {
    // This client's tokens live 2 s; the server allows 5 s of clock skew.
    String token = accessToken("encaptio-api-short-lived", "alice.acme", "openid organization");
    long exp =
        json(new String(
                Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
            .get("exp")
            .asLong();
    assertThat(me(token).statusCode()).isEqualTo(200);

    long waitMillis = (exp + 7 - Instant.now().getEpochSecond()) * 1000;
    Thread.sleep(Math.max(0, waitMillis));

    assertProblem(me(token), 401, "unauthenticated");
  }

  @Test
  void tokenWithSeveralOrganizationsMustNameOne() {
    String both = accessToken("casey.consultant", "openid organization:*");

    assertProblem(me(both), 400, "ambiguous-tenant");
    JsonNode chosen = json(me(both, "Encaptio-Organization", "globex").body());
    assertThat(chosen.at("/tenant/slug").asText()).isEqualTo("globex");
    assertThat(chosen.get("organizations").toString()).contains("acme", "globex");
  }

  @Test
  void tokenWithoutOrganizationGets403() {
    assertProblem(me(accessToken("oscar.ops", "openid organization")), 403, "no-tenant");
  }

  @Test
  void openApiDocumentListsTheEndpoint() {
    HttpResponse<String> response = get("/openapi");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("/api/v1/me:", "/api/ops/v1/tenants:", "bearer");
    assertThat(response.body()).doesNotContain("/api/ops/v1/me");
  }

  static void assertProblem(HttpResponse<String> response, int status, String typeSlug) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
    JsonNode problem = json(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asText()).endsWith("/problems/" + typeSlug);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
  }
}
