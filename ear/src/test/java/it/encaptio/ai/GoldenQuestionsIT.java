package it.encaptio.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.notification.Told;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden questions run as a job on demand and after every publish and content change; each run
 * shows pass or fail per question and what changed since the run before, so a content change that
 * breaks an answer is seen before visitors see it.
 */
class GoldenQuestionsIT {

  private final CapsuleApi alice = new CapsuleApi("alice.acme");

  @Test
  void runsShowPassAndFailPerQuestionAndWhatAContentChangeBrokeOrFixed() {
    String capsule = AssistantFixture.capsule(alice, "Golden " + System.nanoTime());
    String checkIn =
        add(capsule, "{\"question\": \"What time is check-in?\", \"expectedFacts\": [\"15:00\"]}");
    add(
        capsule,
        "{\"question\": \"Who designed the Sydney Opera House?\", \"shouldRefuse\": true}");
    String sauna =
        add(
            capsule,
            "{\"question\": \"Is there a sauna?\", \"expectedFacts\": [\"sauna\", \"ground floor\"]}");

    JsonNode queued = alice.expect(202, "POST", "/" + capsule + "/golden/runs", null);
    assertThat(queued.get("trigger").asText()).isEqualTo("manual");
    JsonNode first = finished(capsule, queued.get("id").asText());
    Map<String, JsonNode> results = byQuestion(first);
    assertThat(results.get(checkIn).get("passed").asBoolean()).isTrue();
    assertThat(results.get(checkIn).get("change").asText()).isEqualTo("new");
    assertThat(first.get("passed").asInt()).isEqualTo(2);
    assertThat(results.get(sauna).get("passed").asBoolean()).isFalse();
    assertThat(results.get(sauna).get("missing").toString()).contains("sauna");

    AssistantFixture.add(
        alice, capsule, "Wellness", "A sauna is on the ground floor, free for guests.");
    JsonNode afterAdding = finished(capsule, latestRunAfter(capsule, first));
    assertThat(afterAdding.get("trigger").asText()).isEqualTo("reindex");
    assertThat(byQuestion(afterAdding).get(sauna).get("change").asText()).isEqualTo("fixed");

    String houseRules = null;
    for (JsonNode item : alice.expect(200, "GET", "/" + capsule + "/content", null)) {
      if (item.get("title").asText().equals("House rules")) {
        houseRules = item.get("id").asText();
      }
    }
    alice.expect(204, "DELETE", "/" + capsule + "/content/" + houseRules, null);
    JsonNode afterRemoving = finished(capsule, latestRunAfter(capsule, afterAdding));
    JsonNode broke = byQuestion(afterRemoving).get(checkIn);
    assertThat(broke.get("passed").asBoolean()).isFalse();
    assertThat(broke.get("change").asText()).isEqualTo("broke");
    Told.await(alice, "golden.regressed", capsule, "What time is check-in?");

    alice.expect(200, "POST", "/" + capsule + "/publish", null);
    JsonNode afterPublish = finished(capsule, latestRunAfter(capsule, afterRemoving));
    assertThat(afterPublish.get("trigger").asText()).isEqualTo("publish");
  }

  @Test
  void badGoldenQuestionsAreRefusedByFieldAndOthersCannotChangeThem() {
    String capsule = AssistantFixture.capsule(alice, "Golden checks " + System.nanoTime());
    HttpResponse<String> noFacts =
        alice.call("POST", "/" + capsule + "/golden/questions", "{\"question\": \"Rent?\"}");
    assertThat(noFacts.statusCode()).isEqualTo(400);
    assertThat(ItEnvironment.json(noFacts.body()).at("/errors/expectedFacts").asText())
        .contains("at least one fact");
    HttpResponse<String> blank =
        alice.call(
            "POST",
            "/" + capsule + "/golden/questions",
            "{\"question\": \" \", \"shouldRefuse\": true}");
    assertThat(ItEnvironment.json(blank.body()).has("errors")).isTrue();
    assertThat(alice.call("POST", "/" + capsule + "/golden/runs", null).statusCode())
        .as("nothing to run yet")
        .isEqualTo(409);
    CapsuleApi vera = new CapsuleApi("vera.acme");
    assertThat(
            vera.call(
                    "POST",
                    "/" + capsule + "/golden/questions",
                    "{\"question\": \"Rent?\", \"expectedFacts\": [\"1,450\"]}")
                .statusCode())
        .isEqualTo(403);
    CapsuleApi grace = new CapsuleApi("grace.globex");
    assertThat(grace.call("GET", "/" + capsule + "/golden/questions", null).statusCode())
        .isEqualTo(404);
    assertThat(grace.call("POST", "/" + capsule + "/golden/runs", null).statusCode())
        .isEqualTo(404);
  }

  private String add(String capsule, String json) {
    return alice.expect(201, "POST", "/" + capsule + "/golden/questions", json).get("id").asText();
  }

  private JsonNode finished(String capsule, String run) {
    JsonNode[] state = new JsonNode[1];
    ItEnvironment.await(
        "golden run " + run + " to finish",
        Duration.ofSeconds(120),
        () -> {
          state[0] = alice.expect(200, "GET", "/" + capsule + "/golden/runs/" + run, null);
          return state[0].get("status").asText().matches("done|failed");
        });
    assertThat(state[0].get("status").asText()).isEqualTo("done");
    return state[0];
  }

  /** The id of the newest run queued after {@code earlier}, once there is one. */
  private String latestRunAfter(String capsule, JsonNode earlier) {
    String[] id = new String[1];
    ItEnvironment.await(
        "a new golden run",
        Duration.ofSeconds(120),
        () -> {
          JsonNode newest =
              alice.expect(200, "GET", "/" + capsule + "/golden/runs?max=1", null).get(0);
          id[0] = newest.get("id").asText();
          return !id[0].equals(earlier.get("id").asText());
        });
    return id[0];
  }

  private static Map<String, JsonNode> byQuestion(JsonNode run) {
    Map<String, JsonNode> results = new HashMap<>();
    run.get("results").forEach(r -> results.put(r.get("questionId").asText(), r));
    return results;
  }
}
