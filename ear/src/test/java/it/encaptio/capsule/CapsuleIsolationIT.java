package it.encaptio.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every capsule endpoint, read and write, called by globex's owner with acme's capsule id: each
 * answers 404 as for an id that never existed, and acme's capsule is unchanged afterwards.
 */
class CapsuleIsolationIT {

  private static CapsuleApi acme;
  private static CapsuleApi globex;
  private static String acmeId;
  private static JsonNode acmeCapsule;

  @BeforeAll
  static void acmeHasAPublishedCapsule() {
    ItEnvironment.awaitDemoTenants();
    acme = new CapsuleApi("alice.acme");
    globex = new CapsuleApi("grace.globex");
    acmeCapsule =
        acme.publishedCapsule(
            "Acme secret roadmap " + UUID.randomUUID().toString().substring(0, 6),
            "product-demo",
            "Acme's unreleased feature list.");
    acmeId = acmeCapsule.get("id").asText();
  }

  record Call(String method, String path, String body) {}

  @Test
  void globexCannotReadOrChangeAcmesCapsule() {
    String draft =
        ItEnvironment.JSON
            .createObjectNode()
            .put("name", "Taken over")
            .set("settings", acmeCapsule.get("draft"))
            .toString();
    List<Call> calls =
        List.of(
            new Call("GET", "/" + acmeId, null),
            new Call("GET", "/" + acmeId + "/versions", null),
            new Call("GET", "/" + acmeId + "/content", null),
            new Call("PUT", "/" + acmeId + "/draft", draft),
            new Call("POST", "/" + acmeId + "/publish", null),
            new Call("POST", "/" + acmeId + "/rollback", "{\"version\": 1}"),
            new Call("POST", "/" + acmeId + "/duplicate", null),
            new Call("POST", "/" + acmeId + "/archive", null),
            new Call("POST", "/" + acmeId + "/restore", null),
            new Call(
                "POST",
                "/" + acmeId + "/content",
                "{\"kind\": \"faq\", \"question\": \"Q?\", \"answer\": \"Injected.\"}"),
            new Call("DELETE", "/" + acmeId, null));

    for (Call call : calls) {
      var response = globex.call(call.method(), call.path(), call.body());
      assertThat(response.statusCode()).as(call.method() + " " + call.path()).isEqualTo(404);
      assertThat(response.body()).doesNotContain("Acme secret roadmap");
    }

    JsonNode globexList = globex.expect(200, "GET", "?max=100", null);
    assertThat(globexList.get("capsules").findValuesAsText("id")).doesNotContain(acmeId);

    JsonNode after = acme.expect(200, "GET", "/" + acmeId, null);
    assertThat(after.get("name").asText()).isEqualTo(acmeCapsule.get("name").asText());
    assertThat(after.get("status").asText()).isEqualTo("published");
    assertThat(after.get("publishedVersion").asInt()).isEqualTo(1);
    assertThat(after.get("contentCount").asInt()).isEqualTo(1);
    assertThat(acme.expect(200, "GET", "/" + acmeId + "/versions", null)).hasSize(1);
  }

  @Test
  void anEditorOfTheSameOrganizationWorksOnIt() {
    CapsuleApi eddie = new CapsuleApi("eddie.acme");
    String shared = acme.expect(201, "POST", "", "{\"name\": \"Shared work\"}").get("id").asText();

    JsonNode content =
        eddie.expect(
            201,
            "POST",
            "/" + shared + "/content",
            "{\"kind\": \"faq\", \"question\": \"When?\", \"answer\": \"Next spring.\"}");

    assertThat(content.get("kind").asText()).isEqualTo("faq");
    assertThat(acme.expect(200, "GET", "/" + shared + "/content", null).findValuesAsText("title"))
        .contains("When?");
  }

  @Test
  void aMemberWithoutTheEditorRoleReadsButDoesNotChange() {
    CapsuleApi vera = new CapsuleApi("vera.acme");

    assertThat(vera.expect(200, "GET", "/" + acmeId, null).get("name").asText())
        .isEqualTo(acmeCapsule.get("name").asText());
    var refused = vera.call("POST", "/" + acmeId + "/archive", null);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("role in this organization is member", "editor");
    assertThat(vera.call("POST", "", "{\"name\": \"Mine\"}").statusCode()).isEqualTo(403);
    assertThat(acme.expect(200, "GET", "/" + acmeId, null).get("status").asText())
        .isEqualTo("published");
  }
}
