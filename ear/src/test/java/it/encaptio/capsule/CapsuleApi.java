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

  private final String username;
  private String token;
  private long tokenAt;
  private String base = baseUrl();

  public CapsuleApi(String username) {
    this.username = username;
  }

  /** The same person calling the node at {@code baseUrl} (another node of a cluster). */
  public CapsuleApi on(String baseUrl) {
    CapsuleApi other = new CapsuleApi(username);
    other.base = baseUrl;
    return other;
  }

  /** A token younger than Keycloak's five minutes, fetched again when needed. */
  private String token() {
    if (token == null || System.nanoTime() - tokenAt > Duration.ofMinutes(4).toNanos()) {
      token = accessToken(username, "openid organization");
      tokenAt = System.nanoTime();
    }
    return token;
  }

  /** Calls with a JSON body (or none), and these extra headers (name, value, ...). */
  public HttpResponse<String> call(String method, String path, String json, String... headers) {
    return callAt(method, "/api/v1/capsules" + path, json, headers);
  }

  /** Calls another path of the server (from the root) as this person. */
  public HttpResponse<String> callAt(String method, String path, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token())
            .timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return ItEnvironment.send(request.build());
  }

  /** Uploads the brand's logo or avatar as the request body. */
  public HttpResponse<String> uploadBrandImage(
      String capsuleId, String kind, String fileName, byte[] bytes) {
    return ItEnvironment.send(
        HttpRequest.newBuilder(
                URI.create(
                    base
                        + "/api/v1/capsules/"
                        + capsuleId
                        + "/brand/"
                        + kind
                        + "?name="
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8)))
            .header("Authorization", "Bearer " + token())
            .header("Content-Type", "application/octet-stream")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build());
  }

  /** Uploads a file as the request body. */
  public HttpResponse<String> upload(String capsuleId, String fileName, byte[] bytes) {
    return upload(capsuleId, fileName, bytes, null);
  }

  /** Uploads a file as the request body, with a caption (an image's alt text). */
  public HttpResponse<String> upload(
      String capsuleId, String fileName, byte[] bytes, String caption) {
    return ItEnvironment.send(
        HttpRequest.newBuilder(
                URI.create(
                    base
                        + "/api/v1/capsules/"
                        + capsuleId
                        + "/files?name="
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                        + (caption == null
                            ? ""
                            : "&caption=" + URLEncoder.encode(caption, StandardCharsets.UTF_8))))
            .header("Authorization", "Bearer " + token())
            .header("Content-Type", "application/octet-stream")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build());
  }

  /** Waits until the item is ready or failed, and answers it. */
  public JsonNode settled(String capsuleId, String itemId) {
    JsonNode[] item = new JsonNode[1];
    ItEnvironment.await(
        "content item " + itemId + " to be indexed",
        Duration.ofSeconds(180),
        () -> {
          item[0] = expect(200, "GET", "/" + capsuleId + "/content/" + itemId, null);
          String stage = item[0].get("stage").asText();
          return stage.equals("ready") || stage.equals("failed");
        });
    return item[0];
  }

  /** Calls and expects the status; answers the JSON body. */
  public JsonNode expect(int status, String method, String path, String json) {
    return expectAt(status, method, "/api/v1/capsules" + path, json);
  }

  /** {@link #expect} for another path of the server (from the root). */
  public JsonNode expectAt(int status, String method, String path, String json) {
    HttpResponse<String> response = callAt(method, path, json);
    if (response.statusCode() != status) {
      throw new AssertionError(
          method
              + " "
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + ItEnvironment.withIncident(response.body()));
    }
    return response.body().isEmpty() ? null : ItEnvironment.json(response.body());
  }

  /** A new capsule from the template; answers its id. */
  public String create(String name, String template) {
    return expect(
            201,
            "POST",
            "",
            ItEnvironment.JSON
                .createObjectNode()
                .put("name", name)
                .put("template", template)
                .toString())
        .get("id")
        .asText();
  }

  /** A capsule from the template, with one pasted text, published; answers the capsule. */
  public JsonNode publishedCapsule(String name, String template, String text) {
    String id = create(name, template);
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
