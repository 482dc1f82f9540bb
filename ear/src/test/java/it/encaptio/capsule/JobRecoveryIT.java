package it.encaptio.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server is killed (SIGKILL, no shutdown) while an ingestion job is embedding; after a restart
 * the job's lease runs out, another worker claims it, and the item ends ready exactly once: one set
 * of chunks, numbered without gaps or repeats, the job succeeded on its second attempt.
 */
class JobRecoveryIT {

  @Test
  void aJobInterruptedByAKilledServerFinishesExactlyOnceAfterRestart() throws Exception {
    ItEnvironment.awaitDemoTenants();
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String capsule =
        alice
            .expect(201, "POST", "", "{\"name\": \"Recovery " + UUID.randomUUID() + "\"}")
            .get("id")
            .asText();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 4000; i++) {
      text.append("Paragraph ")
          .append(i)
          .append(" describes room ")
          .append(i)
          .append(" of the building, its size, its windows and the view over the harbour.\n\n");
    }
    JsonNode item =
        ItEnvironment.json(
            alice
                .upload(capsule, "long.txt", text.toString().getBytes(StandardCharsets.UTF_8))
                .body());
    String itemId = item.get("id").asText();
    ItEnvironment.await(
        "the item to be embedding",
        Duration.ofSeconds(120),
        () ->
            alice
                .expect(200, "GET", "/" + capsule + "/content/" + itemId, null)
                .get("stage")
                .asText()
                .equals("embedding"));

    killServer();
    startServer();

    JsonNode settled = alice.settled(capsule, itemId);
    assertThat(settled.get("stage").asText()).as(settled.toString()).isEqualTo("ready");
    List<JsonNode> chunks = new java.util.ArrayList<>();
    alice
        .expect(200, "GET", "/" + capsule + "/content/" + itemId + "/chunks", null)
        .forEach(chunks::add);
    assertThat(chunks).hasSize(settled.get("chunks").asInt());
    Set<Integer> ordinals = new HashSet<>();
    chunks.forEach(c -> ordinals.add(c.get("ordinal").asInt()));
    assertThat(ordinals).hasSize(chunks.size());
    assertThat(ordinals).allMatch(o -> o >= 0 && o < chunks.size());
    assertThat(chunks.get(chunks.size() - 1).get("text").asText()).contains("Paragraph 3999");
    try (Connection db = ItEnvironment.database();
        PreparedStatement job =
            db.prepareStatement("select state, attempts from platform.jobs where subject_id = ?")) {
      job.setObject(1, UUID.fromString(itemId));
      try (ResultSet row = job.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString("state")).isEqualTo("succeeded");
        assertThat(row.getInt("attempts")).isEqualTo(2);
        assertThat(row.next()).as("one job for the item").isFalse();
      }
    }
  }

  private static void killServer() throws Exception {
    Path pidFile = ItEnvironment.serverDir().resolveSibling(".pid").resolve("encaptio.pid");
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    ProcessHandle server =
        ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no server process " + pid));
    new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
    server.onExit().get(60, TimeUnit.SECONDS);
  }

  private static void startServer() throws Exception {
    Path wlp = ItEnvironment.serverDir().getParent().getParent().getParent();
    Process start =
        new ProcessBuilder(wlp.resolve("bin/server").toString(), "start", "encaptio")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(start.waitFor(120, TimeUnit.SECONDS)).isTrue();
    ItEnvironment.await(
        "the restarted server to be ready",
        Duration.ofSeconds(180),
        () -> ItEnvironment.get("/health/ready").body().contains("\"name\""));
  }
}
