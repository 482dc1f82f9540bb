package it.encaptio.ai;

import static it.encaptio.ai.AssistantFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.capsule.CapsuleApi;
import org.junit.jupiter.api.Test;

/**
 * Published answers come from the Infinispan answer cache the second time; a new published version
 * or any change of the content makes the next answer fresh. Draft (playground) answers are never
 * cached.
 */
class AnswerCacheIT {

  private final CapsuleApi alice = new CapsuleApi("alice.acme");

  @Test
  void theSecondIdenticalQuestionIsServedFromTheCacheUntilTheNextPublish() {
    String capsule = AssistantFixture.capsule(alice, "Cache " + System.nanoTime());
    JsonNode first = ask(alice, capsule, "What time is check-out?", null, false);
    assertThat(first.get("cached").asBoolean()).isFalse();
    assertThat(first.get("capsuleVersion").asInt()).isEqualTo(1);

    JsonNode second = ask(alice, capsule, "what time is check-out", null, false);
    assertThat(second.get("cached").asBoolean())
        .as("same question, other case and punctuation")
        .isTrue();
    assertThat(second.get("text").asText()).isEqualTo(first.get("text").asText());
    assertThat(second.get("passages")).as("no retrieval for a cached answer").isEmpty();
    assertThat(second.get("millis").has("vector")).isFalse();

    alice.expect(200, "POST", "/" + capsule + "/publish", null);
    JsonNode afterPublish = ask(alice, capsule, "What time is check-out?", null, false);
    assertThat(afterPublish.get("capsuleVersion").asInt()).isEqualTo(2);
    assertThat(afterPublish.get("cached").asBoolean()).isFalse();
    assertThat(
            ask(alice, capsule, "What time is check-out?", null, false).get("cached").asBoolean())
        .isTrue();
  }

  @Test
  void changedContentIsNeverAnsweredFromTheCache() {
    String capsule = AssistantFixture.capsule(alice, "Cache content " + System.nanoTime());
    JsonNode before = ask(alice, capsule, "Is there a sauna?", null, false);
    assertThat(before.get("outcome").asText()).isEqualTo("refused");
    AssistantFixture.add(
        alice, capsule, "Wellness", "A sauna is on the ground floor, free for guests.");
    JsonNode after = ask(alice, capsule, "Is there a sauna?", null, false);
    assertThat(after.get("cached").asBoolean()).isFalse();
    assertThat(after.get("text").asText()).contains("sauna is on the ground floor");
  }

  @Test
  void draftAnswersAreNeverCached() {
    String capsule = AssistantFixture.capsule(alice, "Cache draft " + System.nanoTime());
    ask(alice, capsule, "Where can I park?", null, true);
    assertThat(ask(alice, capsule, "Where can I park?", null, true).get("cached").asBoolean())
        .isFalse();
  }
}
