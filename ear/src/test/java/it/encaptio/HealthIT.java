package it.encaptio;

import static it.encaptio.ItEnvironment.get;
import static it.encaptio.ItEnvironment.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ai.AssistantFixture;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.delivery.Visitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Readiness follows PostgreSQL and Keycloak; liveness does not. An outage is made real by pointing
 * the running server at a closed port through a configuration drop-in, which Liberty applies live,
 * exactly as an operator's configuration change would be. Liberty restarts the application for such
 * a change; the last test checks that the restarted application still indexes and answers (the
 * embedding models' native libraries are loaded once per server, not once per application).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthIT {

  private static final Path OUTAGE =
      ItEnvironment.serverDir().resolve("configDropins/overrides/it-outage.xml");
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @BeforeEach
  @AfterEach
  void noOutage() throws IOException {
    Files.deleteIfExists(OUTAGE);
    ItEnvironment.await(
        "PostgreSQL and Keycloak checks to be UP",
        PATIENCE,
        () ->
            "UP".equals(readiness().get("postgresql")) && "UP".equals(readiness().get("keycloak")));
  }

  @Test
  @Order(1)
  void readyAndLiveWhenDatabaseAndKeycloakAnswer() {
    assertThat(status("/health/ready")).isEqualTo("UP");
    assertThat(readiness()).containsEntry("postgresql", "UP").containsEntry("keycloak", "UP");
    assertThat(status("/health/live")).isEqualTo("UP");
  }

  @Test
  @Order(2)
  void notReadyButAliveWhileDatabaseIsUnreachable() throws IOException {
    outage("<variable name=\"encaptio.db.port\" value=\"1\"/>");

    ItEnvironment.await(
        "the PostgreSQL check to go DOWN",
        PATIENCE,
        () -> "DOWN".equals(readiness().get("postgresql")));
    assertThat(status("/health/ready")).isEqualTo("DOWN");
    assertThat(status("/health/live")).isEqualTo("UP");
  }

  @Test
  @Order(3)
  void notReadyButAliveWhileKeycloakIsUnreachable() throws IOException {
    outage("<variable name=\"keycloak.url\" value=\"http://localhost:1\"/>");

    ItEnvironment.await(
        "the Keycloak check to go DOWN",
        PATIENCE,
        () -> "DOWN".equals(readiness().get("keycloak")));
    assertThat(status("/health/ready")).isEqualTo("DOWN");
    assertThat(status("/health/live")).isEqualTo("UP");
  }

  @Test
  @Order(4)
  void afterTheOutagesContentIsIndexedAndQuestionsAnswered() {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String capsule = alice.create("After the outage " + UUID.randomUUID(), "real-estate");
    String item =
        AssistantFixture.submit(
            alice,
            capsule,
            "The lighthouse",
            "The lighthouse keeper's cottage has a wood stove and a telescope.");
    assertThat(alice.settled(capsule, item).get("stage").asText())
        .as("indexed by the restarted application's embedding model")
        .isEqualTo("ready");

    JsonNode published = alice.expect(200, "POST", "/" + capsule + "/publish", null);
    Visitor visitor = new Visitor(published.get("publicKey").asText());
    JsonNode answer =
        visitor.answer(visitor.start(), "Does the keeper's cottage have a telescope?");
    assertThat(answer.at("/citations/0/itemTitle").asText())
        .as("an answer citing the text, in %s", answer)
        .isEqualTo("The lighthouse");
  }

  private static void outage(String variable) throws IOException {
    Files.createDirectories(OUTAGE.getParent());
    Files.writeString(OUTAGE, "<server>" + variable + "</server>");
  }

  private static String status(String path) {
    return json(get(path).body()).get("status").asText();
  }

  /** Each readiness check's status by name; empty while the application restarts. */
  private static Map<String, String> readiness() {
    Map<String, String> checks = new HashMap<>();
    JsonNode body = json(get("/health/ready").body());
    body.path("checks").forEach(c -> checks.put(c.get("name").asText(), c.get("status").asText()));
    return checks;
  }
}
