package it.encaptio.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.encaptio.ItEnvironment;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A visitor of a capsule, speaking the public API as the widget does: its public key, the visitor
 * id it got, the page's origin and an embed token when it has them.
 */
public final class Visitor {

  public final String key;
  public String visitorId;
  String origin;
  String token;
  String base = ItEnvironment.baseUrl();

  public Visitor(String key) {
    this.key = key;
  }

  public Visitor from(String pageOrigin) {
    this.origin = pageOrigin;
    return this;
  }

  /**
   * Calls the node at {@code baseUrl} from now on (the same visitor, another node of a cluster).
   */
  public Visitor on(String baseUrl) {
    this.base = baseUrl;
    return this;
  }

  public Visitor withToken(String embedToken) {
    this.token = embedToken;
    return this;
  }

  public HttpResponse<String> call(String method, String path, String json, String... extra) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/api/public/v1/capsules/" + key + path))
            .timeout(Duration.ofSeconds(30));
    List<String> headers = new ArrayList<>(List.of(extra));
    if (origin != null) {
      headers.addAll(List.of("Origin", origin));
    }
    if (token != null) {
      headers.addAll(List.of("Authorization", "Bearer " + token));
    }
    if (visitorId != null) {
      headers.addAll(List.of("Encaptio-Visitor", visitorId));
    }
    if (!headers.isEmpty()) {
      request.headers(headers.toArray(String[]::new));
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

  public JsonNode expect(int status, String method, String path, String json, String... extra) {
    HttpResponse<String> response = call(method, path, json, extra);
    assertThat(response.statusCode())
        .as("%s %s answered %s", method, path, ItEnvironment.withIncident(response.body()))
        .isEqualTo(status);
    return response.body().isEmpty() ? null : ItEnvironment.json(response.body());
  }

  /** Starts a conversation (on the widget channel); keeps the visitor id it is given. */
  public String start() {
    ObjectNode body = ItEnvironment.JSON.createObjectNode().put("channel", "widget");
    if (visitorId != null) {
      body.put("visitorId", visitorId);
    }
    JsonNode started = expect(201, "POST", "/conversations", body.toString());
    visitorId = started.get("visitorId").asText();
    return started.get("conversationId").asText();
  }

  public HttpResponse<String> ask(String conversation, String text, String... extra) {
    return call(
        "POST",
        "/conversations/" + conversation + "/messages",
        ItEnvironment.JSON.createObjectNode().put("text", text).toString(),
        extra);
  }

  public JsonNode answer(String conversation, String text) {
    HttpResponse<String> response = ask(conversation, text);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ItEnvironment.json(response.body());
  }

  public HttpResponse<String> lead(
      String conversation, Map<String, String> fields, boolean consent) {
    ObjectNode body =
        ItEnvironment.JSON
            .createObjectNode()
            .put("conversationId", conversation)
            .put("consent", consent);
    ObjectNode values = body.putObject("fields");
    fields.forEach(values::put);
    return call("POST", "/leads", body.toString());
  }
}
