package it.encaptio.ai;

import static it.encaptio.ai.AssistantFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.capsule.CapsuleApi;
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
}
