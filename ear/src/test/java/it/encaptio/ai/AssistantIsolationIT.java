package it.encaptio.ai;

import static it.encaptio.ai.AssistantFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.capsule.CapsuleApi;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retrieval and answers never cross capsules or tenants: another tenant's capsule, conversation and
 * search answer 404, and a canary string in one tenant's content never reaches another tenant's
 * answers or search results, nor another capsule's of the same tenant.
 */
class AssistantIsolationIT {

  private static final String CANARY = "GLOBEX-CANARY-7731";
  private static final CapsuleApi ALICE = new CapsuleApi("alice.acme");
  private static final CapsuleApi GRACE = new CapsuleApi("grace.globex");
  private static String acme;
  private static String globex;

  @BeforeAll
  static void twoTenantsCapsules() {
    acme = AssistantFixture.capsule(ALICE, "Isolation acme " + System.nanoTime());
    globex = AssistantFixture.capsule(GRACE, "Isolation globex " + System.nanoTime());
    AssistantFixture.add(
        GRACE,
        globex,
        "Secret code",
        "The check-in door code is " + CANARY + ". The wifi password is " + CANARY + ".");
  }

  @Test
  void anotherTenantsCanaryNeverAppearsInAnswersOrSearch() {
    for (String question :
        new String[] {
          "What is the check-in door code?", "What is the wifi password?", CANARY, "secret code"
        }) {
      JsonNode answer = ask(ALICE, acme, question, null, true);
      assertThat(answer.get("text").asText()).as(question).doesNotContain(CANARY);
      assertThat(answer.get("citations").toString()).doesNotContain(CANARY);
      assertThat(answer.get("passages").toString()).doesNotContain(CANARY);
      JsonNode search =
          ALICE.expect(
              200,
              "POST",
              "/" + acme + "/assistant/search",
              "{\"question\": \"" + question + "\", \"limit\": 50}");
      assertThat(search.get("passages").toString()).doesNotContain(CANARY);
    }
    assertThat(ask(GRACE, globex, "What is the wifi password?", null, true).get("text").asText())
        .as("the owner's own capsule does answer")
        .contains(CANARY);
  }

  @Test
  void anotherCapsuleOfTheSameTenantIsNotSearched() {
    String other = AssistantFixture.capsule(GRACE, "Isolation globex other " + System.nanoTime());
    JsonNode answer = ask(GRACE, other, "What is the wifi password?", null, true);
    assertThat(answer.get("text").asText()).doesNotContain(CANARY);
    assertThat(answer.get("passages").toString()).doesNotContain(CANARY);
  }

  @Test
  void anotherTenantsCapsuleAndConversationAnswer404() {
    JsonNode mine = ask(ALICE, acme, "What time is check-in?", null, true);
    String conversation = mine.get("conversationId").asText();
    assertThat(
            GRACE
                .call("POST", "/" + acme + "/assistant/ask", "{\"question\": \"What time?\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            GRACE
                .call("POST", "/" + acme + "/assistant/search", "{\"question\": \"check-in\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            GRACE
                .call("GET", "/" + acme + "/assistant/conversations/" + conversation, null)
                .statusCode())
        .isEqualTo(404);
    assertThat(GRACE.call("GET", "/" + acme + "/assistant/unanswered", null).statusCode())
        .isEqualTo(404);
    // a conversation of one capsule can't be continued in another of the same tenant
    String otherAcme = AssistantFixture.capsule(ALICE, "Isolation acme two " + System.nanoTime());
    assertThat(
            ALICE
                .call(
                    "POST",
                    "/" + otherAcme + "/assistant/ask",
                    "{\"question\": \"And parking?\", \"conversationId\": \""
                        + conversation
                        + "\"}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void readersMayAskButOnlyEditorsSearchAndTune() {
    CapsuleApi vera = new CapsuleApi("vera.acme");
    assertThat(ask(vera, acme, "What time is check-in?", null, true).get("text").asText())
        .contains("15:00");
    assertThat(
            vera.call("POST", "/" + acme + "/assistant/search", "{\"question\": \"check-in\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            vera.call("PUT", "/" + acme + "/assistant/retrieval", "{\"passages\": 3}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void everyOtherAssistantEntryPointAnswers404ToAnotherTenantAndRefusesBadInput() {
    JsonNode answer = ask(ALICE, acme, "What time is check-in?", null, true);
    String message = answer.get("messageId").asText();
    String question =
        ALICE
            .expect(
                201,
                "POST",
                "/" + acme + "/golden/questions",
                "{\"question\": \"When is check-in?\", \"expectedFacts\": [\"15:00\"]}")
            .get("id")
            .asText();
    String run = ALICE.expect(202, "POST", "/" + acme + "/golden/runs", null).get("id").asText();
    String model =
        ALICE
            .expectAt(
                201,
                "POST",
                "/api/v1/assistant/models",
                "{\"name\": \"iso-"
                    + System.nanoTime()
                    + "\", \"provider\": \"openai\","
                    + " \"model\": \"gpt-4o-mini\", \"apiKey\": \"sk-iso-0001\"}")
            .get("id")
            .asText();
    String[][] calls = {
      {"GET", "/" + acme + "/assistant/retrieval", null},
      {"PUT", "/" + acme + "/assistant/retrieval", "{\"passages\": 3}"},
      {"GET", "/" + acme + "/assistant/routing", null},
      {
        "PUT",
        "/" + acme + "/assistant/routing",
        "{\"primary\": [], \"challenger\": [], \"challengerShare\": 0}"
      },
      {"GET", "/" + acme + "/assistant/experiment", null},
      {"POST", "/" + acme + "/assistant/messages/" + message + "/feedback", "{\"value\": 1}"},
      {"GET", "/" + acme + "/golden/questions", null},
      {"DELETE", "/" + acme + "/golden/questions/" + question, null},
      {"GET", "/" + acme + "/golden/runs", null},
      {"GET", "/" + acme + "/golden/runs/" + run, null},
    };
    for (String[] call : calls) {
      assertThat(GRACE.call(call[0], call[1], call[2]).statusCode())
          .as(call[0] + " " + call[1])
          .isEqualTo(404);
    }
    String change = "{\"name\": \"taken\", \"provider\": \"openai\", \"model\": \"x\"}";
    assertThat(GRACE.callAt("PUT", "/api/v1/assistant/models/" + model, change).statusCode())
        .isEqualTo(404);
    assertThat(GRACE.callAt("DELETE", "/api/v1/assistant/models/" + model, null).statusCode())
        .isEqualTo(404);
    // the other tenant changed nothing: the golden question and the model are still there
    assertThat(ALICE.expect(200, "GET", "/" + acme + "/golden/questions", null).toString())
        .contains(question);
    assertThat(ALICE.expectAt(200, "GET", "/api/v1/assistant/models", null).toString())
        .contains(model);

    String feedback = "/" + acme + "/assistant/messages/" + message + "/feedback";
    assertThat(ALICE.call("POST", feedback, "{\"value\": 5}").statusCode()).isEqualTo(400);
    assertThat(ALICE.call("POST", feedback, "{}").statusCode()).isEqualTo(400);
    assertThat(ALICE.call("POST", feedback, "{\"value\": ").statusCode()).isEqualTo(400);
    assertThat(
            ALICE
                .call("GET", "/" + acme + "/golden/runs/" + java.util.UUID.randomUUID(), null)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            ALICE
                .call("PUT", "/" + acme + "/assistant/routing", "{\"challengerShare\": 150}")
                .statusCode())
        .isEqualTo(400);
    String routing = "/" + acme + "/assistant/routing";
    ALICE.expect(
        200,
        "PUT",
        routing,
        "{\"primary\": [\"" + model + "\"], \"challenger\": [], \"challengerShare\": 0}");
    HttpResponse<String> inUse = ALICE.callAt("DELETE", "/api/v1/assistant/models/" + model, null);
    assertThat(inUse.statusCode()).as("a model a capsule answers with stays").isEqualTo(409);
    assertThat(inUse.body()).contains("Isolation acme");
    ALICE.expect(
        200, "PUT", routing, "{\"primary\": [], \"challenger\": [], \"challengerShare\": 0}");
    ALICE.expectAt(204, "DELETE", "/api/v1/assistant/models/" + model, null);
  }
}
