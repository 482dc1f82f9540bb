package it.encaptio.capsule;

import static it.encaptio.ItEnvironment.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.TenantArchiveIT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A tenant's content limit, set by operators: above it new files and texts are refused with how
 * much is used, what is stored stays readable, other tenants are unaffected, and back at the
 * default the same upload is accepted. Only operators set limits.
 */
class ContentLimitIT {

  @Test
  void contentAboveTheTenantsLimitIsRefusedAndNothingStoredIsLost() {
    ItEnvironment.awaitDemoTenants();
    CapsuleApi grace = new CapsuleApi("grace.globex");
    String capsule =
        grace
            .expect(201, "POST", "", "{\"name\": \"Limit " + UUID.randomUUID() + "\"}")
            .get("id")
            .asText();
    grace.expect(
        201,
        "POST",
        "/" + capsule + "/content",
        "{\"kind\": \"text\", \"title\": \"Kept\", \"text\": \"Stored before the limit.\"}");
    byte[] file = ("Globex price list " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

    String alice = accessToken("alice.acme", "openid organization");
    assertThat(limit("globex", "{\"bytes\": 1}", alice).statusCode())
        .as("only operators set limits")
        .isEqualTo(403);
    String operator = accessToken("oscar.ops", "openid");
    assertThat(limit("globex", "{\"bytes\": -5}", operator).statusCode())
        .as("a negative limit")
        .isEqualTo(400);
    assertThat(limit("globex", "{}", operator).statusCode()).as("no limit named").isEqualTo(400);
    assertThat(limit("nobody", "{\"bytes\": 5}", operator).statusCode())
        .as("an unknown tenant")
        .isEqualTo(404);
    try {
      assertThat(limit("globex", "{\"bytes\": 1}", operator).statusCode()).isEqualTo(200);

      HttpResponse<String> refused = grace.upload(capsule, "prices.txt", file);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(ItEnvironment.json(refused.body()).at("/errors/file").asText())
          .contains("of its 1 bytes", "ask for a higher limit");
      HttpResponse<String> text =
          grace.call(
              "POST",
              "/" + capsule + "/content",
              "{\"kind\": \"text\", \"title\": \"More\", \"text\": \"Too much.\"}");
      assertThat(text.statusCode()).isEqualTo(400);
      assertThat(ItEnvironment.json(text.body()).at("/errors/text").asText())
          .contains("Remove content you no longer need");

      HttpResponse<String> copy = grace.call("POST", "/" + capsule + "/duplicate", null);
      assertThat(copy.statusCode()).as("a copy would need room too").isEqualTo(400);
      assertThat(ItEnvironment.json(copy.body()).at("/errors/content").asText())
          .contains("ask for a higher limit");

      JsonNode content = grace.expect(200, "GET", "/" + capsule + "/content", null);
      assertThat(content.findValuesAsText("title")).containsExactly("Kept");

      CapsuleApi alices = new CapsuleApi("alice.acme");
      String acmeCapsule =
          alices
              .expect(201, "POST", "", "{\"name\": \"Unlimited " + UUID.randomUUID() + "\"}")
              .get("id")
              .asText();
      assertThat(alices.upload(acmeCapsule, "prices.txt", file).statusCode())
          .as("another tenant's limit is its own")
          .isEqualTo(202);
    } finally {
      assertThat(limit("globex", "{\"bytes\": null}", operator).statusCode()).isEqualTo(200);
    }
    assertThat(grace.upload(capsule, "prices.txt", file).statusCode()).isEqualTo(202);
  }

  private static HttpResponse<byte[]> limit(String slug, String json, String token) {
    return TenantArchiveIT.call(
        "PUT",
        "/tenants/" + slug + "/content-limit",
        token,
        "application/json",
        json.getBytes(StandardCharsets.UTF_8));
  }
}
