package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.encaptio.domain.capsule.RetrievalSettings;
import io.encaptio.infrastructure.persistence.jpa.PassageSql;
import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The retrieval latency benchmark (`encaptio.sh bench latency`). {@code prepare}: SciFact ingested
 * through the API (10,404 chunks), then copied inside the capsule as further content items (vectors
 * jittered a little so the HNSW graph holds no duplicates) until it has the chunks asked for, the
 * keyword index kept by the same triggers as ingestion. {@code measure}: for each of the 300 test
 * claims, the editors' search (query embedding + hybrid SQL, the capsule's default settings) and an
 * extractive answer through the API, timed by the server's own stage clocks, and beside each search
 * the very same SQL statements (same text, the claim's embedding and the chunk ids the server read)
 * from one psql session, for the ratio of the product's SQL stages to the bare SQL.
 */
public final class LatencyBench {

  private static final int WARM_UP = 30;

  /** What the capsule searches with: it keeps the product's defaults. */
  private static final RetrievalSettings SETTINGS = RetrievalSettings.DEFAULT;

  public static void main(String[] args) throws Exception {
    Path out = Path.of(System.getProperty("bench.out", ".run/bench-latency"));
    Files.createDirectories(out);
    Path scifact = Path.of(args[1]);
    switch (args[0]) {
      case "prepare" -> prepare(scifact, Integer.parseInt(args[2]), out);
      case "measure" -> measure(scifact, out, Path.of(args[2]));
      default -> throw new IllegalArgumentException("usage: prepare|measure SCIFACT ...");
    }
  }

  private static void prepare(Path scifact, int wanted, Path out) throws Exception {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    SciFact.Ingested ingested =
        SciFact.ingest(alice, SciFact.corpus(scifact.resolve("corpus.jsonl.gz")), null);
    try (Connection db = ItEnvironment.database();
        Statement sql = db.createStatement()) {
      String schema = "\"" + ItEnvironment.tenantSchema(db, "acme") + "\"";
      int chunks = count(sql, schema, ingested.capsuleId());
      for (int copy = 1; chunks < wanted; copy++) {
        String item = UUID.randomUUID().toString();
        sql.executeUpdate(
            "INSERT INTO "
                + schema
                + ".content_item (id, capsule_id, kind, title, body, stage,"
                + " progress, chunk_count) SELECT '"
                + item
                + "', capsule_id, 'text', title || ' (copy "
                + copy
                + ")', '', 'ready', 100, chunk_count FROM "
                + schema
                + ".content_item WHERE id = '"
                + ingested.itemId()
                + "'");
        sql.executeUpdate(
            "INSERT INTO "
                + schema
                + ".chunk (id, content_item_id, capsule_id, ordinal, text,"
                + " heading_path, page, position, model, embedding) SELECT gen_random_uuid(), '"
                + item
                + "', capsule_id, ordinal, text, heading_path, page, position, model,"
                + " (SELECT array_agg(x + (random() - 0.5) * 0.01 ORDER BY i)"
                + " FROM unnest(CAST(embedding AS real[])) WITH ORDINALITY AS u(x, i))"
                + "::public.vector FROM "
                + schema
                + ".chunk WHERE content_item_id = '"
                + ingested.itemId()
                + "' ORDER BY ordinal LIMIT "
                + (wanted - chunks));
        chunks = count(sql, schema, ingested.capsuleId());
        System.out.println("copy " + copy + ": " + chunks + " chunks");
      }
      for (String table : List.of("chunk", "chunk_term", "keyword_term", "keyword_stats")) {
        sql.execute("VACUUM ANALYZE " + schema + "." + table);
      }
      Files.writeString(out.resolve("capsule.txt"), ingested.capsuleId() + " " + chunks);
    }
  }

  private static int count(Statement sql, String schema, String capsule) throws Exception {
    try (var rows =
        sql.executeQuery(
            "SELECT count(*) FROM " + schema + ".chunk WHERE capsule_id = '" + capsule + "'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /**
   * @param retrieval the whole retrieval (wall clock: the keyword stage runs beside the embedding)
   * @param sql the SQL stages' own times added up (vector, keyword, fuse with the passages)
   */
  private record Timed(
      String claim,
      double retrieval,
      double embed,
      double sql,
      double answerServer,
      double answerHttp,
      List<String> chunkIds) {}

  private static void measure(Path scifact, Path out, Path results) throws Exception {
    String[] prepared = Files.readString(out.resolve("capsule.txt")).strip().split(" ");
    String capsule = prepared[0];
    CapsuleApi alice = new CapsuleApi("alice.acme");
    List<String> claims =
        new ArrayList<>(
            SciFact.queries(
                    scifact.resolve("queries.test.jsonl"),
                    SciFact.qrels(scifact.resolve("qrels/test.tsv")))
                .values());
    for (String claim : claims.subList(0, WARM_UP)) {
      search(alice, capsule, claim);
      ask(alice, capsule, claim);
    }
    // A first pass over every claim: the chunk ids each search reads (the passages statement
    // psql runs needs them), and both sides then meet the same warm caches.
    List<List<String>> chunkIds = new ArrayList<>();
    for (String claim : claims) {
      List<String> ids = new ArrayList<>();
      search(alice, capsule, claim)
          .get("passages")
          .forEach(p -> ids.add(p.get("chunkId").asText()));
      chunkIds.add(ids);
    }
    List<String> scripts = psqlScripts(capsule, claims, chunkIds);
    List<Timed> timed = new ArrayList<>();
    List<Double> psql = new ArrayList<>();
    try (Psql session = new Psql()) {
      for (int i = 0; i < claims.size(); i++) {
        String claim = claims.get(i);
        // side by side, claim by claim; who goes first alternates, so neither warms the other's
        // caches more often
        if (i % 2 == 1) {
          psql.add(session.run(scripts.get(i)));
        }
        JsonNode millis = search(alice, capsule, claim).get("millis");
        if (i % 2 == 0) {
          psql.add(session.run(scripts.get(i)));
        }
        long start = System.nanoTime();
        JsonNode answer = ask(alice, capsule, claim);
        double http = (System.nanoTime() - start) / 1e6;
        timed.add(
            new Timed(
                claim,
                millis.get("retrieve").asDouble(),
                millis.get("embed").asDouble(),
                millis.get("vector").asDouble()
                    + millis.get("keyword").asDouble()
                    + millis.get("fuse").asDouble(),
                answer.get("millis").get("total").asDouble(),
                http,
                chunkIds.get(i)));
      }
    }
    write(results, prepared[1], timed, psql);
  }

  private static JsonNode search(CapsuleApi api, String capsule, String claim) {
    ObjectNode body = ItEnvironment.JSON.createObjectNode().put("question", claim).put("limit", 6);
    return api.expect(200, "POST", "/" + capsule + "/assistant/search", body.toString());
  }

  private static JsonNode ask(CapsuleApi api, String capsule, String claim) {
    ObjectNode body =
        ItEnvironment.JSON.createObjectNode().put("question", claim).put("draft", true);
    return api.expect(200, "POST", "/" + capsule + "/assistant/ask", body.toString());
  }

  /**
   * Per claim, the statements the server runs for its search, with the values bound as literals:
   * the search width, the vector stage (with the claim's embedding, made here as the server makes
   * it), the keyword stage and the passages, in one transaction.
   */
  private static List<String> psqlScripts(
      String capsule, List<String> claims, List<List<String>> chunkIds) throws Exception {
    String schema;
    try (Connection db = ItEnvironment.database()) {
      schema = ItEnvironment.tenantSchema(db, "acme");
    }
    String table = "\"" + schema + "\".";
    EmbeddingModel bge = new BgeSmallEnV15QuantizedEmbeddingModel();
    List<String> scripts = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      String claim = claims.get(i);
      float[] vector =
          bge.embed("Represent this sentence for searching relevant passages: " + claim)
              .content()
              .vector();
      String ids = "'{" + String.join(",", chunkIds.get(i)) + "}'";
      StringBuilder script = new StringBuilder("BEGIN;\n");
      script
          .append(bind(PassageSql.searchWidth(1), Map.of(1, "'" + SETTINGS.searchWidth() + "'")))
          .append(";\n");
      script
          .append(
              bind(
                  PassageSql.nearest(t -> table + t, false),
                  Map.of(
                      1,
                      "'" + literal(vector) + "'",
                      2,
                      "'" + capsule + "'",
                      3,
                      "'bge-small-en-v1.5-q'",
                      4,
                      Integer.toString(SETTINGS.vectorCandidates()))))
          .append(";\n");
      script
          .append(
              bind(
                  PassageSql.keywords(t -> table + t, false),
                  Map.of(
                      1,
                      "'" + capsule + "'",
                      2,
                      "'" + claim.replace("'", "''") + "'",
                      3,
                      Integer.toString(SETTINGS.postingsPerTerm()),
                      4,
                      Integer.toString(SETTINGS.keywordCandidates()))))
          .append(";\n");
      script
          .append(bind(PassageSql.passages(t -> table + t), Map.of(1, "'" + capsule + "'", 2, ids)))
          .append(";\n");
      script.append("COMMIT;\n");
      scripts.add(script.toString());
    }
    return scripts;
  }

  /**
   * One psql session for the whole run, fed claim by claim on its standard input: {@code \timing}
   * prints each statement's time (as psql sees it: sent, run, answered), results go to /dev/null.
   */
  private static final class Psql implements AutoCloseable {
    private static final Pattern TIME = Pattern.compile("Time: ([0-9.]+) ms");
    private final Process process;
    private final java.io.BufferedReader output;
    private final java.io.Writer input;
    private int claim;

    Psql() throws Exception {
      ProcessBuilder psql =
          new ProcessBuilder(
              "psql",
              "-X",
              "-q",
              "-h",
              ItEnvironment.env("ENCAPTIO_DB_HOST", "127.0.0.1"),
              "-p",
              ItEnvironment.env("ENCAPTIO_DB_PORT", "5432"),
              "-U",
              ItEnvironment.env("ENCAPTIO_DB_USER", "encaptio"),
              "-d",
              ItEnvironment.env("ENCAPTIO_DB_NAME", "encaptio"),
              "-v",
              "ON_ERROR_STOP=1");
      psql.environment()
          .put("PGPASSWORD", ItEnvironment.env("ENCAPTIO_DB_PASSWORD", "encaptio-dev"));
      psql.redirectErrorStream(true);
      process = psql.start();
      output =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      input = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      input.write("\\timing on\n\\o /dev/null\n");
    }

    /** Runs one claim's statements; the time of the four between BEGIN and COMMIT (ms). */
    double run(String script) throws Exception {
      String done = "@@claim-" + (++claim);
      input.write(script + "\\echo " + done + "\n");
      input.flush();
      List<Double> times = new ArrayList<>();
      StringBuilder seen = new StringBuilder();
      String line;
      while ((line = output.readLine()) != null && !line.equals(done)) {
        seen.append(line).append('\n');
        Matcher time = TIME.matcher(line);
        if (time.find()) {
          times.add(Double.parseDouble(time.group(1)));
        }
      }
      if (times.size() != 6) {
        throw new IllegalStateException("psql: expected 6 timings, got: " + seen);
      }
      // BEGIN, search width, nearest, keywords, passages, COMMIT: the four statements in between
      return times.subList(1, 5).stream().mapToDouble(d -> d).sum();
    }

    @Override
    public void close() throws Exception {
      input.write("\\q\n");
      input.close();
      process.waitFor();
    }
  }

  private static String bind(String sql, Map<Integer, String> values) {
    String bound = sql;
    for (int n = 9; n >= 1; n--) {
      if (values.containsKey(n)) {
        bound = bound.replace("?" + n, values.get(n));
      }
    }
    return bound;
  }

  private static String literal(float[] vector) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < vector.length; i++) {
      text.append(i == 0 ? "" : ",").append(vector[i]);
    }
    return text.append(']').toString();
  }

  private static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static void write(Path results, String chunks, List<Timed> timed, List<Double> psql)
      throws Exception {
    List<Double> embed = timed.stream().map(Timed::embed).toList();
    List<Double> sql = timed.stream().map(Timed::sql).toList();
    List<Double> retrieval = timed.stream().map(Timed::retrieval).toList();
    List<Double> answer = timed.stream().map(Timed::answerServer).toList();
    List<Double> http = timed.stream().map(Timed::answerHttp).toList();
    StringBuilder md = new StringBuilder("# Encaptio retrieval latency benchmark\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Measured %s on %d cores, Java %s. Command: `liberty-config/scripts/encaptio.sh bench"
                + " latency`.%nOne capsule with %s chunks (SciFact ingested through the API, then"
                + " copied as further items with jittered vectors); the 300 SciFact test claims,"
                + " after %d warm-up claims; the capsule's default retrieval settings (100 vector and"
                + " 100 keyword candidates, 200 postings per word, 6 passages). Server times are the"
                + " product's own stage clocks (the stages run one after the other; the wall clock"
                + " also holds the look-up of the capsule's models and the Java in between); one psql"
                + " session runs the very same statements (same text, the claim's embedding, the"
                + " same chunk ids) beside each search, claim by claim, psql first for every other"
                + " claim, after a first pass over all claims warmed both.%n%n",
            java.time.Instant.now().toString().substring(0, 16) + "Z",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            chunks,
            WARM_UP));
    md.append("| measured | p50 ms | p95 ms |\n|---|---|---|\n");
    row(md, "retrieval: query embedding + hybrid SQL (server, wall clock)", retrieval);
    row(md, "query embedding alone", embed);
    row(md, "hybrid SQL stages in the server, added up (vector, keyword, fuse + passages)", sql);
    row(md, "the same SQL statements from psql", psql);
    row(md, "extractive answer end to end (server: prepare, answer, record)", answer);
    row(md, "extractive answer as the client sees it (HTTP round trip)", http);
    md.append(
        String.format(
            Locale.ROOT,
            "%nServer SQL stages / psql: p50 %.2f, p95 %.2f.%n",
            percentile(sql, 0.5) / percentile(psql, 0.5),
            percentile(sql, 0.95) / percentile(psql, 0.95)));
    Files.writeString(results, md.toString());
    System.out.print(md);
  }

  private static void row(StringBuilder md, String label, List<Double> values) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %.1f | %.1f |%n",
            label,
            percentile(values, 0.5),
            percentile(values, 0.95)));
  }
}
