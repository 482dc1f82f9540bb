package it.encaptio.people;

import static it.encaptio.ItEnvironment.accessToken;
import static it.encaptio.ItEnvironment.baseUrl;
import static it.encaptio.ItEnvironment.json;
import static it.encaptio.ItEnvironment.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.support.KeycloakProbe;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** People of the demo organizations made and changed through the People API, for tests. */
public final class Members {

  /** Every organization of the person in the token; the request names one with a header. */
  static final String SCOPE = "openid organization:*";

  private Members() {}

  public static String token(String username) {
    return accessToken(username, SCOPE);
  }

  /** Calls as the token's person in the named organization (null: the token's only one). */
  public static HttpResponse<String> call(
      String method, String path, String token, String organization, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (organization != null) {
      request.header("Encaptio-Organization", organization);
    }
    return send(request.build());
  }

  /** Invites the address with the role as the admin; answers the person's id. */
  static String invite(String admin, String email, String role) {
    HttpResponse<String> response =
        call(
            "POST",
            "/api/v1/invitations",
            token(admin),
            null,
            "{\"email\":\"" + email + "\",\"name\":\"Test Person\",\"role\":\"" + role + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response.body()).get("id").asText();
  }

  /** A person who can sign in with the password, as if they had followed their invitation. */
  static void canSignIn(String id, String password) throws Exception {
    KeycloakProbe.fromEnvironment().setPassword(id, password);
  }

  static JsonNode person(String admin, String id) {
    HttpResponse<String> response = call("GET", "/api/v1/people/" + id, token(admin), null, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response.body());
  }

  static HttpResponse<String> change(String admin, String id, String json) {
    return call("PATCH", "/api/v1/people/" + id, token(admin), null, json);
  }

  /** Takes the person out of the organization; gone already is fine. */
  static void remove(String admin, String id) {
    HttpResponse<String> response =
        call("DELETE", "/api/v1/people/" + id, token(admin), null, null);
    assertThat(response.statusCode()).as(response.body()).isIn(204, 404);
  }
}
