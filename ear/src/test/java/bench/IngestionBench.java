package bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import it.encaptio.capsule.CapsuleApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ingestion benchmark's driver ({@code encaptio.sh bench ingestion}).
 *
 * <ul>
 *   <li>{@code server CORPUS [MODEL]}: the SciFact corpus (one Markdown section per abstract: title
 *       as heading, abstract as text) uploaded as one file to a new capsule through the API; timed
 *       from the upload to "ready" (parse, chunk, embed, store) with the capsule's model (the
 *       default, or MODEL); the chunks' embedding inputs are kept.
 *   <li>{@code raw}: the same inputs embedded by the same model called directly, in batches of the
 *       server's size, in this JVM.
 * </ul>
 */
public final class IngestionBench {

  public static void main(String[] args) throws Exception {
    Path out = Path.of(System.getProperty("bench.out", ".run/bench-ingestion"));
    Files.createDirectories(out);
    switch (args[0]) {
      case "server" -> server(Path.of(args[1]), args.length > 2 ? args[2] : null, out);
      case "raw" -> raw(out);
      default -> throw new IllegalArgumentException("usage: server CORPUS [MODEL] | raw");
    }
  }

  private static void server(Path corpus, String model, Path out) throws Exception {
    List<SciFact.Document> documents = SciFact.corpus(corpus);
    CapsuleApi alice = new CapsuleApi("alice.acme");
    SciFact.Ingested ingested = SciFact.ingest(alice, documents, model);
    String capsule = ingested.capsuleId();
    String item = ingested.itemId();
    double seconds = ingested.seconds();
    String indexedBy =
        alice.expect(200, "GET", "/" + capsule + "/indexing", null).get("model").asText();
    List<String> inputs = new ArrayList<>();
    for (JsonNode chunk :
        alice.expect(200, "GET", "/" + capsule + "/content/" + item + "/chunks", null)) {
      String path = chunk.path("headingPath").asText("");
      inputs.add(
          path.isEmpty() ? chunk.get("text").asText() : path + "\n" + chunk.get("text").asText());
    }
    Files.write(
        out.resolve("inputs.txt"), inputs.stream().map(i -> i.replace('\n', '\u2028')).toList());
    String line =
        String.format(
            Locale.ROOT,
            "model=%s documents=%d chunks=%d seconds=%.1f chunks_per_second=%.1f%n",
            indexedBy,
            documents.size(),
            inputs.size(),
            seconds,
            inputs.size() / seconds);
    Files.writeString(out.resolve("server.txt"), line);
    System.out.print("server: " + line);
  }

  private static void raw(Path out) throws Exception {
    List<String> inputs =
        Files.readAllLines(out.resolve("inputs.txt")).stream()
            .map(i -> i.replace('\u2028', '\n'))
            .toList();
    String modelId =
        Files.readString(out.resolve("server.txt")).replaceAll("(?s).*model=(\\S+).*", "$1");
    EmbeddingModel model =
        switch (modelId) {
          case "all-minilm-l6-v2" -> new AllMiniLmL6V2EmbeddingModel();
          case "bge-small-en-v1.5-q" -> new BgeSmallEnV15QuantizedEmbeddingModel();
          default -> throw new IllegalStateException("No raw counterpart for " + modelId);
        };
    model.embedAll(
        inputs.subList(0, Math.min(200, inputs.size())).stream().map(TextSegment::from).toList());
    int batch = Integer.getInteger("bench.batch", 64);
    long start = System.nanoTime();
    for (int from = 0; from < inputs.size(); from += batch) {
      model.embedAll(
          inputs.subList(from, Math.min(inputs.size(), from + batch)).stream()
              .map(TextSegment::from)
              .toList());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String line =
        String.format(
            Locale.ROOT,
            "model=%s chunks=%d seconds=%.1f chunks_per_second=%.1f%n",
            modelId,
            inputs.size(),
            seconds,
            inputs.size() / seconds);
    Files.writeString(out.resolve("raw.txt"), line);
    System.out.print("raw: " + line);
  }
}
