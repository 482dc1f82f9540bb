package it.encaptio.capsule;

import static it.encaptio.ItEnvironment.accessToken;
import static it.encaptio.ItEnvironment.baseUrl;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The capsule API as one person of one organization calls it, with a real Keycloak token. */
public final class CapsuleApi {

  private final String token;

  public CapsuleApi(String username) {
    this.token = accessToken(username, "openid organization");
  }

  public HttpResponse<String> call(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/capsules" + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return ItEnvironment.send(request.build());
  }

  /** Calls and expects the status; answers the JSON body. */
  public JsonNode expect(int status, String method, String path, String json) {
    HttpResponse<String> response = call(method, path, json);
    if (response.statusCode() != status) {
      throw new AssertionError(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? null : ItEnvironment.json(response.body());
  }

  /** A capsule from the template, with one pasted text, published; answers the capsule. */
  public JsonNode publishedCapsule(String name, String template, String text) {
    JsonNode capsule =
        expect(
            201,
            "POST",
            "",
            ItEnvironment.JSON
                .createObjectNode()
                .put("name", name)
                .put("template", template)
                .toString());
    String id = capsule.get("id").asText();
    expect(
        201,
        "POST",
        "/" + id + "/content",
        ItEnvironment.JSON
            .createObjectNode()
            .put("kind", "text")
            .put("title", "About " + name)
            .put("text", text)
            .toString());
    return expect(200, "POST", "/" + id + "/publish", null);
  }

  /** Saves the capsule's draft with these settings under its current name. */
  public JsonNode saveDraft(JsonNode capsule, JsonNode settings) {
    String body =
        ItEnvironment.JSON
            .createObjectNode()
            .put("name", capsule.get("name").asText())
            .set("settings", settings)
            .toString();
    return expect(200, "PUT", "/" + capsule.get("id").asText() + "/draft", body);
  }

  /** The visitors' view of a public key, without any token. */
  public static HttpResponse<String> visit(String publicKey) {
    return ItEnvironment.get(
        "/api/public/v1/capsules/" + URLEncoder.encode(publicKey, StandardCharsets.UTF_8));
  }
}
