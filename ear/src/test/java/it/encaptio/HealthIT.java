package it.encaptio;

import static it.encaptio.ItEnvironment.get;
import static it.encaptio.ItEnvironment.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows PostgreSQL and Keycloak; liveness does not. An outage is made real by pointing
 * the running server at a closed port through a configuration drop-in, which Liberty applies live,
 * exactly as an operator's configuration change would be.
 */
class HealthIT {

  private static final Path OUTAGE =
      ItEnvironment.serverDir().resolve("configDropins/overrides/it-outage.xml");

  @AfterEach
  void endOutage() throws IOException {
    Files.deleteIfExists(OUTAGE);
    ItEnvironment.await(
        "readiness to return", Duration.ofSeconds(90), () -> status("/health/ready").equals("UP"));
  }

  @Test
  void readyAndLiveWhenDatabaseAndKeycloakAnswer() {
    JsonNode ready = json(get("/health/ready").body());
    assertThat(ready.get("status").asText()).isEqualTo("UP");
    assertThat(ready.get("checks").toString()).contains("postgresql", "keycloak");
    assertThat(status("/health/live")).isEqualTo("UP");
  }

  @Test
  void notReadyButAliveWhileDatabaseIsUnreachable() throws IOException {
    outage("<variable name=\"encaptio.db.port\" value=\"1\"/>");

    ItEnvironment.await(
        "readiness to go DOWN",
        Duration.ofSeconds(60),
        () -> status("/health/ready").equals("DOWN"));
    assertThat(check("/health/ready", "postgresql")).isEqualTo("DOWN");
    assertThat(check("/health/ready", "keycloak")).isEqualTo("UP");
    assertThat(status("/health/live")).isEqualTo("UP");
  }

  @Test
  void notReadyButAliveWhileKeycloakIsUnreachable() throws IOException {
    outage("<variable name=\"keycloak.url\" value=\"http://localhost:1\"/>");

    ItEnvironment.await(
        "readiness to go DOWN",
        Duration.ofSeconds(60),
        () -> "DOWN".equals(check("/health/ready", "keycloak")));
    assertThat(status("/health/ready")).isEqualTo("DOWN");
    assertThat(check("/health/ready", "postgresql")).isEqualTo("UP");
    assertThat(status("/health/live")).isEqualTo("UP");
  }

  private static void outage(String variable) throws IOException {
    Files.createDirectories(OUTAGE.getParent());
    Files.writeString(OUTAGE, "<server>" + variable + "</server>");
  }

  private static String status(String path) {
    return json(get(path).body()).get("status").asText();
  }

  private static String check(String path, String name) {
    for (JsonNode check : json(get(path).body()).get("checks")) {
      if (check.get("name").asText().equals(name)) {
        return check.get("status").asText();
      }
    }
    return "MISSING";
  }
}
