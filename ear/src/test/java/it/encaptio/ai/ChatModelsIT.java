package it.encaptio.ai;

import static it.encaptio.ai.AssistantFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chat models of the four providers, called by the server through LangChain4j against local
 * stand-ins that speak each provider's streaming wire format: each answers with its citations,
 * tokens and cost; a model that is rate limited (429), fails (500) or times out hands over to the
 * next of the chain and the visitor still gets one coherent answer; when every model fails, the
 * extractive answer; an unsupported claim is left out (hedged), a supported one that does not
 * answer the question refused; keys are sealed at rest and only owners manage models; an A/B split
 * sends conversations to variant B and reports per variant.
 */
class ChatModelsIT {

  private static final CapsuleApi ALICE = new CapsuleApi("alice.acme");
  private static final String ANSWER = "Check-in is from 15:00 [1].";
  private static ProviderStandIns providers;
  private static String capsule;

  @BeforeAll
  static void standIns() {
    providers = new ProviderStandIns();
    capsule = AssistantFixture.capsule(ALICE, "Models " + System.nanoTime());
  }

  @AfterAll
  static void stop() {
    providers.close();
  }

  @Test
  void eachProviderAnswersThroughItsOwnWireFormat() {
    String[][] models = {
      {"openai", "gpt-4o-mini"}, {"anthropic", "claude-3-5-haiku-latest"},
      {"gemini", "gemini-2.0-flash"}, {"ollama", "llama3.2"}
    };
    for (String[] provider : models) {
      String prefix = "ok-" + provider[0];
      providers.answers(
          prefix, provider[0], provider[1], List.of("Check-in", " is from", " 15:00 [1]."));
      String id = model(prefix, provider[0], provider[1], "sk-test-" + provider[0] + "-9876", 10);
      route(List.of(id), List.of(), 0);
      JsonNode answer = ask(ALICE, capsule, "What time is check-in?", null, true);
      assertThat(answer.get("text").asText()).as(provider[0]).isEqualTo(ANSWER);
      assertThat(answer.get("outcome").asText()).isEqualTo("answered");
      assertThat(answer.get("model").asText()).isEqualTo(provider[0] + ":" + provider[1]);
      assertThat(answer.at("/citations/0/itemTitle").asText()).isEqualTo("House rules");
      assertThat(answer.get("inputTokens").asInt()).as(provider[0]).isGreaterThan(300);
      assertThat(answer.get("outputTokens").asInt()).as(provider[0]).isGreaterThan(0);
      assertThat(answer.get("costMicros").asLong())
          .as("1 USD per million tokens in and out")
          .isEqualTo(
              (answer.get("inputTokens").asLong() + answer.get("outputTokens").asLong())
                  * 1_000_000
                  / 1_000_000);
      assertThat(answer.get("fallbacks")).isEmpty();
      String sent = providers.requests(prefix).get(0);
      assertThat(sent).contains("<<<CONTENT").contains("Check-in is from 15:00");
      assertThat(sent).contains("untrusted: contains instructions");
    }
    assertThat(providers.headers("ok-openai", "Authorization"))
        .contains("Bearer sk-test-openai-9876");
    assertThat(providers.headers("ok-anthropic", "x-api-key")).contains("sk-test-anthropic-9876");
  }

  @Test
  void aModelThatIsRateLimitedFailsOrTimesOutHandsOverToTheNext() {
    providers.fails("busy", "openai", "gpt-4o", 429);
    providers.fails("broken", "anthropic", "claude-sonnet-4", 500);
    providers.slow("slow", "gemini", "gemini-2.5-pro", 4_000);
    providers.answers("last", "ollama", "qwen2.5", List.of("Check-in is", " from 15:00 [1]."));
    route(
        List.of(
            model("busy", "openai", "gpt-4o", "sk-busy-0001", 10),
            model("broken", "anthropic", "claude-sonnet-4", "sk-broken-0002", 10),
            model("slow", "gemini", "gemini-2.5-pro", "key-slow-0003", 1),
            model("last", "ollama", "qwen2.5", null, 10)),
        List.of(),
        0);
    JsonNode answer = ask(ALICE, capsule, "When can I check in?", null, true);
    assertThat(answer.get("text").asText()).isEqualTo(ANSWER);
    assertThat(answer.get("model").asText()).isEqualTo("ollama:qwen2.5");
    assertThat(answer.get("fallbacks")).hasSize(3);
    assertThat(answer.get("fallbacks").get(0).asText()).contains("429");
    assertThat(answer.get("fallbacks").get(1).asText()).containsAnyOf("500", "5xx");
    assertThat(answer.get("fallbacks").get(2).asText())
        .containsAnyOf("did not answer", "timed out");
  }

  @Test
  void whenEveryModelFailsTheVisitorGetsTheExtractiveAnswer() {
    providers.fails("down1", "openai", "gpt-4o", 503);
    providers.fails("down2", "anthropic", "claude-sonnet-4", 429);
    route(
        List.of(
            model("down1", "openai", "gpt-4o", "sk-down-0001", 10),
            model("down2", "anthropic", "claude-sonnet-4", "sk-down-0002", 10)),
        List.of(),
        0);
    JsonNode answer = ask(ALICE, capsule, "Is smoking allowed?", null, true);
    assertThat(answer.get("model").asText()).isEqualTo("extractive");
    assertThat(answer.get("text").asText()).contains("Smoking is not allowed");
    assertThat(answer.get("fallbacks")).hasSize(2);
  }

  @Test
  void aClaimNoPassageSupportsIsLeftOutAndTheAnswerHedged() {
    providers.answers(
        "liar",
        "openai",
        "gpt-4o-mini",
        List.of(ANSWER, " Guests also get a free yacht trip around the bay [1]."));
    route(List.of(model("liar", "openai", "gpt-4o-mini", "sk-liar-0001", 10)), List.of(), 0);
    JsonNode answer = ask(ALICE, capsule, "What time is check-in?", null, true);
    assertThat(answer.get("outcome").asText()).isEqualTo("hedged");
    assertThat(answer.get("text").asText())
        .contains("Check-in is from 15:00")
        .doesNotContain("yacht");
    assertThat(answer.get("unsupported").get(0).asText()).contains("yacht");
  }

  /**
   * The answer gate reads a model's answer as it reads the passages: every sentence is supported
   * (the grounding check passes), but none answers the question, so the capsule refuses.
   */
  @Test
  void aGroundedAnswerAboutSomethingNearbyIsRefused() {
    providers.answers(
        "nearby",
        "openai",
        "gpt-4o-mini",
        List.of("Quiet hours start at 22:00 [1].", " Smoking is not allowed anywhere [1]."));
    route(List.of(model("nearby", "openai", "gpt-4o-mini", "sk-near-0001", 10)), List.of(), 0);
    JsonNode answer = ask(ALICE, capsule, "Is there a sauna on the roof?", null, true);
    assertThat(answer.get("outcome").asText()).isEqualTo("refused");
    assertThat(answer.get("text").asText()).isEqualTo(AssistantFixture.NO_ANSWER);
    assertThat(answer.get("text").asText()).doesNotContain("Quiet hours");
  }

  @Test
  void tokensStreamAndTheCheckedAnswerEndsTheStream() {
    providers.answers(
        "stream",
        "anthropic",
        "claude-3-5-haiku-latest",
        List.of("Check-in", " is from", " 15:00 [1]."));
    route(
        List.of(model("stream", "anthropic", "claude-3-5-haiku-latest", "sk-stream-1", 10)),
        List.of(),
        0);
    HttpResponse<String> streamed =
        ALICE.call(
            "POST",
            "/" + capsule + "/assistant/ask",
            "{\"question\": \"What time is check-in?\"}",
            "Accept",
            "text/event-stream");
    assertThat(streamed.body()).contains("event: token");
    assertThat(streamed.body())
        .contains("{\"text\":\"Check-in\"}")
        .contains("{\"text\":\" is from\"}");
    assertThat(streamed.body().strip()).contains("event: answer");
  }

  @Test
  void keysAreSealedAtRestAndOnlyOwnersManageModels() throws Exception {
    String id = model("sealed", "openai", "gpt-4o-mini", "sk-very-secret-4321", 10);
    JsonNode listed = ALICE.expectAt(200, "GET", "/api/v1/assistant/models", null);
    JsonNode mine = null;
    for (JsonNode m : listed) {
      if (m.get("id").asText().equals(id)) {
        mine = m;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("apiKeyHint").asText()).isEqualTo("…4321");
    assertThat(listed.toString()).doesNotContain("sk-very-secret");
    try (Connection db = ItEnvironment.database();
        Statement sql = db.createStatement();
        ResultSet row =
            sql.executeQuery(
                "SELECT api_key_sealed FROM "
                    + ItEnvironment.tenantSchema(db, "acme")
                    + ".chat_model WHERE id = '"
                    + id
                    + "'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).startsWith("v1:").doesNotContain("very-secret");
    }
    CapsuleApi eddie = new CapsuleApi("eddie.acme");
    assertThat(
            eddie
                .callAt(
                    "POST",
                    "/api/v1/assistant/models",
                    modelJson("x", "openai", "m", null, "k", 10))
                .statusCode())
        .isEqualTo(403);
    CapsuleApi grace = new CapsuleApi("grace.globex");
    assertThat(grace.expectAt(200, "GET", "/api/v1/assistant/models", null).toString())
        .doesNotContain(id);
    HttpResponse<String> foreign =
        ALICE.call(
            "PUT",
            "/" + capsule + "/assistant/routing",
            "{\"primary\": [\""
                + java.util.UUID.randomUUID()
                + "\"], \"challenger\": [], \"challengerShare\": 0}");
    assertThat(foreign.statusCode()).isEqualTo(400);
  }

  @Test
  void badSettingsAndPrivateAddressesAreRefusedByField() {
    HttpResponse<String> bad =
        ALICE.callAt(
            "POST",
            "/api/v1/assistant/models",
            "{\"name\": \"\", \"provider\": \"watson\", \"model\": \"\", \"temperature\": 7}");
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode errors = ItEnvironment.json(bad.body()).get("errors");
    assertThat(errors.has("name")).isTrue();
    assertThat(errors.get("provider").asText()).contains("openai");
    assertThat(errors.has("temperature")).isTrue();
    HttpResponse<String> noKey =
        ALICE.callAt(
            "POST",
            "/api/v1/assistant/models",
            modelJson("nokey", "openai", "gpt-4o", null, null, 10));
    assertThat(ItEnvironment.json(noKey.body()).at("/errors/apiKey").asText()).contains("API key");
    HttpResponse<String> metadata =
        ALICE.callAt(
            "POST",
            "/api/v1/assistant/models",
            modelJson("meta", "openai", "gpt-4o", "http://169.254.169.254/v1", "sk-x", 10));
    assertThat(metadata.statusCode()).isEqualTo(400);
    assertThat(ItEnvironment.json(metadata.body()).at("/errors/baseUrl").asText())
        .contains("non-public");
  }

  @Test
  void anABSplitSendsConversationsToVariantBAndReportsEachVariant() {
    providers.answers("variant-a", "openai", "gpt-4o-mini", List.of(ANSWER));
    providers.answers("variant-b", "gemini", "gemini-2.0-flash", List.of(ANSWER));
    String a = model("variant-a", "openai", "gpt-4o-mini", "sk-a-0001", 10);
    String b = model("variant-b", "gemini", "gemini-2.0-flash", "key-b-0002", 10);
    route(List.of(a), List.of(b), 100);
    JsonNode first = ask(ALICE, capsule, "What time is check-in?", null, true);
    assertThat(first.get("variant").asText()).isEqualTo("b");
    assertThat(first.get("model").asText()).isEqualTo("gemini:gemini-2.0-flash");
    ALICE.expect(
        204,
        "POST",
        "/" + capsule + "/assistant/messages/" + first.get("messageId").asText() + "/feedback",
        "{\"value\": 1}");
    JsonNode followUp =
        ask(ALICE, capsule, "And check-out?", first.get("conversationId").asText(), true);
    assertThat(followUp.get("variant").asText())
        .as("a conversation keeps its variant")
        .isEqualTo("b");
    route(List.of(a), List.of(b), 0);
    assertThat(ask(ALICE, capsule, "What time is check-in?", null, true).get("variant").asText())
        .isEqualTo("a");
    JsonNode experiment = ALICE.expect(200, "GET", "/" + capsule + "/assistant/experiment", null);
    JsonNode variantB = null;
    for (JsonNode variant : experiment) {
      if (variant.get("variant").asText().equals("b")) {
        variantB = variant;
      }
    }
    assertThat(variantB).isNotNull();
    assertThat(variantB.get("questions").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(variantB.get("positiveFeedback").asDouble()).isEqualTo(1.0);
    assertThat(variantB.get("latencyP95Millis").asInt()).isPositive();
  }

  private static String model(
      String prefix, String provider, String model, String key, int timeout) {
    return ALICE
        .expectAt(
            201,
            "POST",
            "/api/v1/assistant/models",
            modelJson(
                prefix + "-" + System.nanoTime(),
                provider,
                model,
                providers.baseUrl(prefix, provider),
                key,
                timeout))
        .get("id")
        .asText();
  }

  private static String modelJson(
      String name, String provider, String model, String baseUrl, String key, int timeout) {
    ObjectNode json =
        ItEnvironment.JSON
            .createObjectNode()
            .put("name", name)
            .put("provider", provider)
            .put("model", model)
            .put("timeoutSeconds", timeout)
            .put("inputPriceMicros", 1_000_000)
            .put("outputPriceMicros", 1_000_000);
    if (baseUrl != null) {
      json.put("baseUrl", baseUrl);
    }
    if (key != null) {
      json.put("apiKey", key);
    }
    return json.toString();
  }

  private static void route(List<String> primary, List<String> challenger, int share) {
    ObjectNode routing = ItEnvironment.JSON.createObjectNode().put("challengerShare", share);
    primary.forEach(routing.putArray("primary")::add);
    challenger.forEach(routing.putArray("challenger")::add);
    if (!routing.has("primary")) {
      routing.putArray("primary");
    }
    if (!routing.has("challenger")) {
      routing.putArray("challenger");
    }
    ALICE.expect(200, "PUT", "/" + capsule + "/assistant/routing", routing.toString());
  }
}
