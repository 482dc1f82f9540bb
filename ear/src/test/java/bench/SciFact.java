package bench;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The BEIR SciFact corpus (../shared/eval/scifact) as the benchmarks use it: read, turned into one
 * Markdown file (a "# title" section per abstract, so each chunk's heading path names its
 * abstract), and ingested into a new capsule through the API.
 */
final class SciFact {

  record Document(String id, String title, String text) {}

  /** An ingested corpus: the capsule, its content item and the seconds ingestion took. */
  record Ingested(String capsuleId, String itemId, double seconds) {}

  private SciFact() {}

  static List<Document> corpus(Path gzip) throws Exception {
    List<Document> documents = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gzip)), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode doc = ItEnvironment.json(line);
        documents.add(
            new Document(
                doc.get("_id").asText(),
                doc.get("title").asText().replace('\n', ' ').strip(),
                doc.get("text").asText()));
      }
    }
    return documents;
  }

  static String markdown(List<Document> documents) {
    StringBuilder markdown = new StringBuilder();
    for (Document doc : documents) {
      markdown.append("# ").append(doc.title()).append("\n\n").append(doc.text()).append("\n\n");
    }
    return markdown.toString();
  }

  /** A new capsule (with {@code model}, or the default one) holding the corpus, once indexed. */
  static Ingested ingest(CapsuleApi editor, List<Document> documents, String model)
      throws Exception {
    String capsule =
        editor
            .expect(201, "POST", "", "{\"name\": \"SciFact " + System.nanoTime() + "\"}")
            .get("id")
            .asText();
    if (model != null) {
      editor.expect(200, "PUT", "/" + capsule + "/indexing", "{\"model\": \"" + model + "\"}");
    }
    long start = System.nanoTime();
    var uploaded =
        editor.upload(capsule, "scifact.md", markdown(documents).getBytes(StandardCharsets.UTF_8));
    if (uploaded.statusCode() != 202) {
      throw new IllegalStateException(uploaded.statusCode() + " " + uploaded.body());
    }
    String item = ItEnvironment.json(uploaded.body()).get("id").asText();
    JsonNode[] state = new JsonNode[1];
    ItEnvironment.await(
        "the corpus to be ingested",
        Duration.ofMinutes(60),
        () -> {
          state[0] = editor.expect(200, "GET", "/" + capsule + "/content/" + item, null);
          return !List.of("queued", "parsing", "chunking", "embedding")
              .contains(state[0].get("stage").asText());
        });
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!"ready".equals(state[0].get("stage").asText())) {
      throw new IllegalStateException("ingestion ended " + state[0]);
    }
    return new Ingested(capsule, item, seconds);
  }

  /** Relevance judgements: query id to the ids of its relevant documents. */
  static Map<String, List<String>> qrels(Path tsv) throws Exception {
    Map<String, List<String>> relevant = new LinkedHashMap<>();
    for (String line : Files.readAllLines(tsv).subList(1, Files.readAllLines(tsv).size())) {
      String[] cells = line.split("\t");
      if (Integer.parseInt(cells[2].strip()) > 0) {
        relevant.computeIfAbsent(cells[0], q -> new ArrayList<>()).add(cells[1]);
      }
    }
    return relevant;
  }

  /** Query id to claim text, for the claims that have judgements. */
  static Map<String, String> queries(Path jsonl, Map<String, List<String>> qrels) throws Exception {
    Map<String, String> queries = new LinkedHashMap<>();
    for (String line : Files.readAllLines(jsonl)) {
      JsonNode query = ItEnvironment.json(line);
      if (qrels.containsKey(query.get("_id").asText())) {
        queries.put(query.get("_id").asText(), query.get("text").asText());
      }
    }
    return queries;
  }

  /** nDCG@10 with binary gains (all SciFact judgements are 1). */
  static double ndcgAt10(List<String> ranking, List<String> relevant) {
    double dcg = 0;
    for (int i = 0; i < Math.min(10, ranking.size()); i++) {
      if (relevant.contains(ranking.get(i))) {
        dcg += 1 / (Math.log(i + 2) / Math.log(2));
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(10, relevant.size()); i++) {
      ideal += 1 / (Math.log(i + 2) / Math.log(2));
    }
    return dcg / ideal;
  }

  static double recallAt100(List<String> ranking, List<String> relevant) {
    long found =
        ranking.subList(0, Math.min(100, ranking.size())).stream()
            .filter(relevant::contains)
            .count();
    return (double) found / relevant.size();
  }
}
