package it.encaptio.capsule;

import static it.encaptio.capsule.CapsuleApi.visit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.encaptio.ItEnvironment;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Capsules through /api/v1/capsules with real tokens: templates, drafts, publish checks, immutable
 * versions with rollback, the visitors' view by public key, and soft delete.
 */
class CapsuleApiIT {

  private static CapsuleApi alice;

  @BeforeAll
  static void signIn() {
    ItEnvironment.awaitDemoTenants();
    alice = new CapsuleApi("alice.acme");
  }

  private static String name() {
    return "Harbour loft " + UUID.randomUUID().toString().substring(0, 6);
  }

  @Test
  void aTemplatePrefillsTheAssistant() {
    JsonNode templates = alice.expect(200, "GET", "/templates", null);
    assertThat(templates.findValuesAsText("key"))
        .contains(
            "real-estate",
            "vehicle-showcase",
            "product-demo",
            "course-preview",
            "customer-onboarding");

    JsonNode capsule =
        alice.expect(
            201, "POST", "", "{\"name\": \"" + name() + "\", \"template\": \"real-estate\"}");

    assertThat(capsule.get("status").asText()).isEqualTo("draft");
    assertThat(capsule.get("publicKey").asText()).matches("pk_[a-z2-7]{24}");
    assertThat(capsule.at("/draft/welcomeMessage").asText()).contains("property");
    assertThat(capsule.at("/draft/suggestedQuestions")).hasSizeGreaterThan(1);
    assertThat(capsule.at("/draft/actions/0/label").asText()).isEqualTo("Book a viewing");
  }

  @Test
  void badInputIsRefusedWithWhatToFix() {
    HttpResponse<String> noName = alice.call("POST", "", "{\"name\": \"  \"}");
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(ItEnvironment.json(noName.body()).at("/errors/name").asText())
        .contains("Give the capsule a name");

    HttpResponse<String> unknownTemplate =
        alice.call("POST", "", "{\"name\": \"x\", \"template\": \"casino\"}");
    assertThat(unknownTemplate.statusCode()).isEqualTo(400);
    assertThat(unknownTemplate.body()).contains("Unknown template 'casino'", "real-estate");

    HttpResponse<String> malformed = alice.call("POST", "", "{\"name\": ");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .contains("problem+json");

    assertThat(alice.call("GET", "/not-a-uuid", null).statusCode()).isEqualTo(404);
    assertThat(alice.call("GET", "/" + UUID.randomUUID(), null).statusCode()).isEqualTo(404);
  }

  @Test
  void publishingChecksEverythingAtOnceAndChangesNothingWhenRefused() {
    JsonNode capsule = alice.expect(201, "POST", "", "{\"name\": \"" + name() + "\"}");
    String id = capsule.get("id").asText();
    ObjectNode draft = (ObjectNode) capsule.get("draft").deepCopy();
    draft.put("welcomeMessage", "");
    draft.putArray("actions").addObject().put("label", "Pricing").put("url", "javascript:alert(1)");
    alice.saveDraft(capsule, draft);

    HttpResponse<String> refused = alice.call("POST", "/" + id + "/publish", null);

    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode errors = ItEnvironment.json(refused.body()).get("errors");
    assertThat(errors.get("content").asText()).contains("Add content first");
    assertThat(errors.get("welcomeMessage").asText()).contains("welcome message");
    assertThat(errors.get("actions[0].url").asText()).contains("https://");
    JsonNode unchanged = alice.expect(200, "GET", "/" + id, null);
    assertThat(unchanged.get("status").asText()).isEqualTo("draft");
    assertThat(unchanged.hasNonNull("publishedVersion")).isFalse();
    assertThat(visit(capsule.get("publicKey").asText()).statusCode()).isEqualTo(403);
  }

  @Test
  void visitorsSeeTheLastPublishedVersionAndRollbackPublishesAnOldOneAgain() {
    JsonNode capsule =
        alice.publishedCapsule(name(), "real-estate", "The loft has two bedrooms and a terrace.");
    String id = capsule.get("id").asText();
    String key = capsule.get("publicKey").asText();
    String firstWelcome = capsule.at("/draft/welcomeMessage").asText();
    assertThat(capsule.get("publishedVersion").asInt()).isEqualTo(1);

    HttpResponse<String> visit = visit(key);
    assertThat(visit.statusCode()).isEqualTo(200);
    assertThat(ItEnvironment.json(visit.body()).get("welcomeMessage").asText())
        .isEqualTo(firstWelcome);
    assertThat(visit.body()).doesNotContain("instructions").doesNotContain(id);

    ObjectNode draft = (ObjectNode) capsule.get("draft").deepCopy();
    draft.put("welcomeMessage", "Ahoy! Ask about the loft.");
    alice.saveDraft(capsule, draft);
    assertThat(ItEnvironment.json(visit(key).body()).get("welcomeMessage").asText())
        .as("a draft is not what visitors see")
        .isEqualTo(firstWelcome);

    alice.expect(200, "POST", "/" + id + "/publish", null);
    assertThat(ItEnvironment.json(visit(key).body()).get("welcomeMessage").asText())
        .isEqualTo("Ahoy! Ask about the loft.");

    JsonNode rolledBack = alice.expect(200, "POST", "/" + id + "/rollback", "{\"version\": 1}");
    assertThat(rolledBack.get("publishedVersion").asInt()).isEqualTo(3);
    assertThat(ItEnvironment.json(visit(key).body()).get("welcomeMessage").asText())
        .isEqualTo(firstWelcome);

    JsonNode versions = alice.expect(200, "GET", "/" + id + "/versions", null);
    assertThat(versions).hasSize(3);
    assertThat(versions.get(0).get("restoredFrom").asInt()).isEqualTo(1);
    assertThat(versions.get(0).get("changes").toString()).contains("welcome message");
    assertThat(versions.get(1).get("changes").toString()).contains("welcome message");
    assertThat(versions.get(2).get("changes").toString()).contains("first version");
    assertThat(versions.get(1).get("publishedBy").asText()).isEqualTo("alice.acme");
  }

  @Test
  void archivedAndDeletedCapsulesAreGoneForVisitors() {
    JsonNode capsule = alice.publishedCapsule(name(), "product-demo", "It integrates with Slack.");
    String id = capsule.get("id").asText();
    String key = capsule.get("publicKey").asText();

    alice.expect(200, "POST", "/" + id + "/archive", null);
    HttpResponse<String> archived = visit(key);
    assertThat(archived.statusCode()).isEqualTo(403);
    assertThat(archived.body()).contains("capsule-unavailable");

    alice.expect(200, "POST", "/" + id + "/restore", null);
    assertThat(visit(key).statusCode()).isEqualTo(200);

    JsonNode copy = alice.expect(201, "POST", "/" + id + "/duplicate", null);
    assertThat(copy.get("name").asText()).endsWith("(copy)");
    assertThat(copy.get("contentCount").asInt()).isEqualTo(1);
    assertThat(copy.get("publicKey").asText()).isNotEqualTo(key);
    assertThat(copy.get("status").asText()).isEqualTo("draft");

    alice.expect(204, "DELETE", "/" + id, null);
    assertThat(visit(key).statusCode()).isEqualTo(404);
    assertThat(alice.call("GET", "/" + id, null).statusCode()).isEqualTo(404);
    JsonNode list = alice.expect(200, "GET", "?max=100", null);
    assertThat(list.get("capsules").findValuesAsText("id"))
        .doesNotContain(id)
        .contains(copy.get("id").asText());
  }

  @Test
  void unknownAndMalformedKeysGetNotFound() {
    assertThat(visit("pk_" + "a".repeat(24)).statusCode()).isEqualTo(404);
    HttpResponse<String> malformed = visit("'; drop table capsule; --");
    assertThat(malformed.statusCode()).isEqualTo(404);
    assertThat(malformed.body()).contains("No capsule has this key");
  }

  /**
   * A service's refusal reaches the client in the service's words with the status it means, and the
   * server logs no error for it (the EJB container used to log every refusal as CNTR0020E).
   */
  @Test
  void refusalsAnswerInTheServicesWordsAndLogNoError() throws Exception {
    Path log = ItEnvironment.serverDir().resolve("logs/messages.log");
    long logged = Files.size(log);
    String id = alice.expect(201, "POST", "", "{\"name\": \"" + name() + "\"}").get("id").asText();

    HttpResponse<String> noName =
        alice.call("PUT", "/" + id + "/draft", "{\"name\": \" \", \"settings\": null}");
    HttpResponse<String> noVersion =
        alice.call("POST", "/" + id + "/rollback", "{\"version\": 99}");
    HttpResponse<String> badMode =
        alice.call(
            "POST",
            "/" + id + "/assistant/search",
            "{\"question\": \"rooms?\", \"mode\": \"fuzzy\"}");

    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(ItEnvironment.json(noName.body()).at("/errors/name").asText()).isNotBlank();
    assertThat(noVersion.statusCode()).isEqualTo(404);
    assertThat(ItEnvironment.json(noVersion.body()).get("detail").asText())
        .contains("has no version 99");
    assertThat(badMode.statusCode()).isEqualTo(400);
    assertThat(ItEnvironment.json(badMode.body()).at("/errors/mode").asText())
        .contains("use hybrid, vector or keyword");
    String appended;
    try (var reader = Files.newInputStream(log)) {
      reader.skipNBytes(Math.min(logged, Files.size(log)));
      appended = new String(reader.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(appended)
        .doesNotContain("CNTR0020E")
        .doesNotContain("InvalidCapsuleException")
        .doesNotContain("NotFoundException");
  }
}
