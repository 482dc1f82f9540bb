package it.encaptio.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A capsule's indexing settings: new capsules index with the default model; choosing another model
 * or chunk size re-embeds every item through the job queue (each chunk says which model made it);
 * impossible settings are refused by field and change nothing; other tenants and members without
 * the editor role can't change them.
 */
class IndexingIT {

  private static final String TEXT =
      "The harbour loft has a terrace facing south. "
          + "Its kitchen was renovated in 2024 and has an induction hob. ".repeat(12);

  @Test
  void changingTheModelReEmbedsEveryItemWithIt() {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String capsule = newCapsule(alice);
    JsonNode indexing = alice.expect(200, "GET", "/" + capsule + "/indexing", null);
    assertThat(indexing.get("model").asText()).isEqualTo("bge-small-en-v1.5-q");
    assertThat(indexing.get("chunkTokens").asInt()).isEqualTo(240);
    assertThat(indexing.findValuesAsText("id"))
        .containsExactly("bge-small-en-v1.5-q", "all-minilm-l6-v2");

    String item =
        alice
            .expect(
                201,
                "POST",
                "/" + capsule + "/content",
                "{\"kind\": \"text\", \"title\": \"The loft\", \"text\": \"" + TEXT + "\"}")
            .get("id")
            .asText();
    assertThat(alice.settled(capsule, item).get("stage").asText()).isEqualTo("ready");
    List<JsonNode> before = chunks(alice, capsule, item);
    assertThat(before)
        .allSatisfy(c -> assertThat(c.get("model").asText()).isEqualTo("bge-small-en-v1.5-q"));

    JsonNode changed =
        alice.expect(
            200,
            "PUT",
            "/" + capsule + "/indexing",
            "{\"model\": \"all-minilm-l6-v2\", \"chunkTokens\": 60, \"overlapTokens\": 10}");
    assertThat(changed.get("model").asText()).isEqualTo("all-minilm-l6-v2");
    assertThat(
            alice
                .expect(200, "GET", "/" + capsule + "/content/" + item, null)
                .get("stage")
                .asText())
        .isIn("queued", "parsing", "chunking", "embedding");

    JsonNode reindexed = alice.settled(capsule, item);
    assertThat(reindexed.get("stage").asText()).isEqualTo("ready");
    List<JsonNode> after = chunks(alice, capsule, item);
    assertThat(after)
        .allSatisfy(c -> assertThat(c.get("model").asText()).isEqualTo("all-minilm-l6-v2"));
    assertThat(after.size()).as("smaller chunks, more of them").isGreaterThan(before.size());
    assertThat(reindexed.get("chunks").asInt()).isEqualTo(after.size());
  }

  @Test
  void impossibleSettingsAreRefusedByFieldAndChangeNothing() {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String capsule = newCapsule(alice);

    HttpResponse<String> unknown =
        alice.call("PUT", "/" + capsule + "/indexing", "{\"model\": \"text-embedding-3-large\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(ItEnvironment.json(unknown.body()).at("/errors/model").asText())
        .contains("all-minilm-l6-v2");

    HttpResponse<String> tooLong =
        alice.call(
            "PUT",
            "/" + capsule + "/indexing",
            "{\"model\": \"all-minilm-l6-v2\", \"chunkTokens\": 300, \"overlapTokens\": 200}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    JsonNode errors = ItEnvironment.json(tooLong.body()).get("errors");
    assertThat(errors.get("chunkTokens").asText()).contains("at most 128 tokens");
    assertThat(errors.get("overlapTokens").asText()).contains("half the chunk size");

    JsonNode unchanged = alice.expect(200, "GET", "/" + capsule + "/indexing", null);
    assertThat(unchanged.get("model").asText()).isEqualTo("bge-small-en-v1.5-q");
    assertThat(unchanged.get("chunkTokens").asInt()).isEqualTo(240);
  }

  @Test
  void fieldsLeftOutKeepTheirValues() {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String capsule = newCapsule(alice);

    JsonNode changed =
        alice.expect(200, "PUT", "/" + capsule + "/indexing", "{\"chunkTokens\": 200}");

    assertThat(changed.get("model").asText()).isEqualTo("bge-small-en-v1.5-q");
    assertThat(changed.get("chunkTokens").asInt()).isEqualTo(200);
    assertThat(changed.get("overlapTokens").asInt()).isEqualTo(40);
    assertThat(
            alice.expect(200, "GET", "/" + capsule + "/indexing", null).get("chunkTokens").asInt())
        .isEqualTo(200);
  }

  @Test
  void otherTenantsAndReadersCannotChangeIt() {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String capsule = newCapsule(alice);
    String change = "{\"model\": \"all-minilm-l6-v2\", \"chunkTokens\": 100}";

    CapsuleApi grace = new CapsuleApi("grace.globex");
    assertThat(grace.call("GET", "/" + capsule + "/indexing", null).statusCode()).isEqualTo(404);
    assertThat(grace.call("PUT", "/" + capsule + "/indexing", change).statusCode()).isEqualTo(404);
    CapsuleApi vera = new CapsuleApi("vera.acme");
    assertThat(vera.call("PUT", "/" + capsule + "/indexing", change).statusCode()).isEqualTo(403);

    assertThat(alice.expect(200, "GET", "/" + capsule + "/indexing", null).get("model").asText())
        .isEqualTo("bge-small-en-v1.5-q");
  }

  @Test
  void indexingCanBeStoppedAndTheItemIndexedAgainLater() {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String capsule = newCapsule(alice);
    String item =
        embedding(alice, capsule, "long.txt", 6000, "is about the harbour loft and its terrace.");
    String path = "/" + capsule + "/content/" + item;

    JsonNode stopped = alice.expect(200, "POST", path + "/cancel", null);
    assertThat(stopped.get("stage").asText()).isEqualTo("failed");
    assertThat(stopped.get("error").asText()).contains("cancelled", "index it again");
    // the running job stops at its next batch instead of finishing: for longer than the rest of
    // the embedding would take, the item stays cancelled and gets no chunks
    for (long end = System.nanoTime() + 12_000_000_000L; System.nanoTime() < end; ) {
      assertThat(alice.expect(200, "GET", path, null).get("stage").asText()).isEqualTo("failed");
      assertThat(chunks(alice, capsule, item)).isEmpty();
      ItEnvironment.pause(java.time.Duration.ofMillis(500));
    }
    assertThat(alice.call("POST", path + "/cancel", null).statusCode())
        .as("nothing left to cancel")
        .isEqualTo(409);

    alice.expect(202, "POST", path + "/reindex", null);
    JsonNode again = alice.settled(capsule, item);
    assertThat(again.get("stage").asText()).isEqualTo("ready");
    assertThat(chunks(alice, capsule, item)).hasSize(again.get("chunks").asInt());
  }

  @Test
  void indexedAgainRightAfterACancelTheItemEndsReady() {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String capsule = newCapsule(alice);
    String item =
        embedding(
            alice, capsule, "again.txt", 3000, "describes the boathouse, its slipway and kayaks.");
    String path = "/" + capsule + "/content/" + item;

    alice.expect(200, "POST", path + "/cancel", null);
    alice.expect(202, "POST", path + "/reindex", null);
    // the cancelled job is still in its batch: when it stops, the item belongs to the new job
    JsonNode again = alice.settled(capsule, item);
    assertThat(again.get("stage").asText()).as(again.toString()).isEqualTo("ready");
    assertThat(chunks(alice, capsule, item)).hasSize(again.get("chunks").asInt());
  }

  /**
   * Uploads a text of {@code sentences} numbered sentences (each ending with {@code about}) and
   * waits until its job embeds it; answers the item's id.
   */
  private static String embedding(
      CapsuleApi alice, String capsule, String file, int sentences, String about) {
    String text =
        java.util.stream.IntStream.range(0, sentences)
            .mapToObj(i -> "Sentence " + i + " " + about)
            .collect(java.util.stream.Collectors.joining(" "));
    HttpResponse<String> uploaded =
        alice.upload(capsule, file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String item = ItEnvironment.json(uploaded.body()).get("id").asText();
    ItEnvironment.await(
        "the item to be embedded",
        java.time.Duration.ofSeconds(60),
        () ->
            alice
                .expect(200, "GET", "/" + capsule + "/content/" + item, null)
                .get("stage")
                .asText()
                .equals("embedding"));
    return item;
  }

  private static String newCapsule(CapsuleApi alice) {
    ItEnvironment.awaitDemoTenants();
    return alice
        .expect(201, "POST", "", "{\"name\": \"Indexing " + UUID.randomUUID() + "\"}")
        .get("id")
        .asText();
  }

  private static List<JsonNode> chunks(CapsuleApi api, String capsule, String item) {
    List<JsonNode> chunks = new ArrayList<>();
    api.expect(200, "GET", "/" + capsule + "/content/" + item + "/chunks", null)
        .forEach(chunks::add);
    return chunks;
  }
}
