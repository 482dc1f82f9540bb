package bench;

import io.encaptio.domain.ai.Questions;
import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.delivery.CustomerSite;
import it.encaptio.support.Browser;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The public chat benchmark's drivers (`encaptio.sh bench chat`).
 *
 * <ul>
 *   <li>{@code prepare SCIFACT}: the SciFact corpus ingested into a published capsule (about 10,400
 *       chunks), and the questions of each run, every one asked once in the whole benchmark: the
 *       corpus' claims, then questions made of its titles and of its abstracts' first sentences,
 *       shuffled, cut into one file per run; the cache run's file holds 20 claims it asks again and
 *       again. {@code capsule.txt}: capsule, public key, chunks.
 *   <li>{@code answers}: the capsule's answers so far and how many came from the answer cache.
 *   <li>{@code embed-rate THREADS SECONDS}: the query embedding alone (the server's model and
 *       thread settings, in this JVM) asked by THREADS threads at once with questions of the
 *       saturated run's file: questions per second.
 *   <li>{@code report WIDGET_DIR OUT LABEL=GATLING_RESULTS...}: the figures of each Gatling run
 *       (requests, throughput, p50/p95/p99, errors) under its label, the cache run's hit share, the
 *       capacity against the embedding's own rate, widget.js and widget.css gzipped, and the
 *       widget's time to interactive on a blank page of another origin in headless Chromium.
 * </ul>
 */
public final class ChatBench {

  private static final int PAGE_LOADS = 10;

  /** Questions per run's file (never repeated); the runs stop well before they are used up. */
  static final Map<String, Integer> SLICES =
      new LinkedHashMap<>(Map.of("warm-up", 1_500, "visitors", 2_500, "saturated", 5_000));

  /** The cache run's questions, asked again and again. */
  static final int CACHED_QUESTIONS = 20;

  public static void main(String[] args) throws Exception {
    Path out = Path.of(System.getProperty("bench.out", ".run/bench-chat"));
    Files.createDirectories(out);
    switch (args[0]) {
      case "prepare" -> prepare(out, Path.of(args[1]));
      case "answers" -> answers(out);
      case "embed-rate" -> embedRate(out, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      case "report" ->
          report(
              out, Path.of(args[1]), Path.of(args[2]), Arrays.asList(args).subList(3, args.length));
      default ->
          throw new IllegalArgumentException(
              "usage: prepare SCIFACT | answers | embed-rate THREADS SECONDS"
                  + " | report WIDGET OUT LABEL=RESULTS...");
    }
  }

  private static void prepare(Path out, Path scifact) throws Exception {
    ItEnvironment.awaitDemoTenants();
    CapsuleApi alice = new CapsuleApi("alice.acme");
    List<SciFact.Document> corpus = SciFact.corpus(scifact.resolve("corpus.jsonl.gz"));
    SciFact.Ingested ingested = SciFact.ingest(alice, corpus, null);
    String capsule = ingested.capsuleId();
    String key =
        alice.expect(200, "POST", "/" + capsule + "/publish", null).get("publicKey").asText();
    int chunks =
        alice
            .expect(200, "GET", "/" + capsule + "/content/" + ingested.itemId(), null)
            .get("chunks")
            .asInt();

    List<String> claims = new ArrayList<>();
    for (String file : List.of("queries.train.jsonl", "queries.test.jsonl")) {
      for (String line : Files.readAllLines(scifact.resolve(file))) {
        claims.add(ItEnvironment.json(line).get("text").asText().strip());
      }
    }
    Collections.shuffle(claims, new java.util.Random(7));
    List<String> cached = claims.subList(0, CACHED_QUESTIONS);
    // keyed by the answer cache's normal form, so no two questions share a cached answer
    Map<String, String> unique = new LinkedHashMap<>();
    java.util.function.Consumer<String> add = q -> unique.putIfAbsent(Questions.key(q), q);
    cached.forEach(
        c -> unique.put(Questions.key(question("Is it true that " + lowerFirst(c))), ""));
    for (String claim : claims.subList(CACHED_QUESTIONS, claims.size())) {
      add.accept(question("Is it true that " + lowerFirst(claim)));
    }
    for (SciFact.Document doc : corpus) {
      add.accept(question("What does the study \"" + doc.title() + "\" find"));
      String first = doc.text().split("(?<=[.!?])\\s+", 2)[0];
      add.accept(question("Is it known that " + lowerFirst(first)));
    }
    List<String> pool =
        new ArrayList<>(unique.values().stream().filter(q -> !q.isEmpty()).toList());
    Collections.shuffle(pool, new java.util.Random(11));
    int from = 0;
    for (Map.Entry<String, Integer> slice : SLICES.entrySet()) {
      int to = Math.min(pool.size(), from + slice.getValue());
      writeQuestions(out.resolve("questions-" + slice.getKey() + ".csv"), pool.subList(from, to));
      from = to;
    }
    writeQuestions(
        out.resolve("questions-cached.csv"),
        cached.stream().map(c -> question("Is it true that " + lowerFirst(c))).toList());
    Files.writeString(out.resolve("capsule.txt"), capsule + " " + key + " " + chunks);
    System.out.println(key);
  }

  /** A question of at most 280 characters, ending in a question mark. */
  private static String question(String text) {
    String q = text.strip().replaceAll("[.!?]+$", "");
    if (q.length() > 279) {
      q = q.substring(0, 279).replaceAll("\\s+\\S*$", "");
    }
    return q + "?";
  }

  private static String lowerFirst(String text) {
    return text.length() > 1
            && Character.isUpperCase(text.charAt(0))
            && !Character.isUpperCase(text.charAt(1))
        ? Character.toLowerCase(text.charAt(0)) + text.substring(1)
        : text;
  }

  /** A Gatling CSV feeder's file: a header and one quoted question per line. */
  private static void writeQuestions(Path file, List<String> questions) throws Exception {
    StringBuilder csv = new StringBuilder("question\n");
    for (String q : questions) {
      csv.append('"').append(q.replace("\"", "\"\"")).append("\"\n");
    }
    Files.writeString(file, csv);
  }

  /** The capsule's answers so far, and those from the answer cache: "answers cached". */
  private static void answers(Path out) throws Exception {
    String capsule = Files.readString(out.resolve("capsule.txt")).strip().split(" ")[0];
    try (java.sql.Connection db = ItEnvironment.database();
        java.sql.PreparedStatement query =
            db.prepareStatement(
                "SELECT count(*), count(*) FILTER (WHERE m.cached) FROM \""
                    + ItEnvironment.tenantSchema(db, "acme")
                    + "\".message m JOIN \""
                    + ItEnvironment.tenantSchema(db, "acme")
                    + "\".conversation c ON c.id = m.conversation_id"
                    + " WHERE c.capsule_id = CAST(? AS uuid) AND m.role = 'assistant'")) {
      query.setString(1, capsule);
      try (java.sql.ResultSet rows = query.executeQuery()) {
        rows.next();
        System.out.println(rows.getLong(1) + " " + rows.getLong(2));
      }
    }
  }

  /**
   * The query embedding on its own, as the server runs it (its model class, one ONNX thread per
   * call, a pool of one thread per core for batches), asked by {@code threads} threads at once with
   * distinct questions for {@code seconds} after 5 s of warm-up: questions per second.
   */
  private static void embedRate(Path out, int threads, int seconds) throws Exception {
    List<String> questions =
        Files.readAllLines(out.resolve("questions-saturated.csv")).stream().skip(1).toList();
    var models = io.encaptio.infrastructure.embedding.OnnxEmbeddingModels.standalone();
    io.encaptio.domain.content.Embeddings model = models.model("bge-small-en-v1.5-q");
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicLong counted = new java.util.concurrent.atomic.AtomicLong();
    long warm = System.nanoTime() + 5_000_000_000L;
    long end = warm + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  model.embedQuery(questions.get(next.getAndIncrement() % questions.size()));
                  long now = System.nanoTime();
                  if (now > warm && now < end) {
                    counted.incrementAndGet();
                  }
                }
              });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double rate = counted.get() / (double) seconds;
    String line =
        String.format(
            Locale.ROOT,
            "threads=%d seconds=%d questions=%d perSecond=%.1f%n",
            threads,
            seconds,
            counted.get(),
            rate);
    Files.writeString(out.resolve("embed-rate.txt"), line);
    System.out.print(line);
    System.exit(0);
  }

  private static void report(Path out, Path widgetDir, Path results, List<String> runs)
      throws Exception {
    String[] prepared = Files.readString(out.resolve("capsule.txt")).strip().split(" ");
    long js = gzipped(widgetDir.resolve("widget.js"));
    long css = gzipped(widgetDir.resolve("widget.css"));
    List<Double> loads = timeToInteractive(prepared[0], prepared[1]);

    StringBuilder md = new StringBuilder("# Encaptio public chat benchmark\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Measured %s on %d cores, Java %s. Command: `liberty-config/scripts/encaptio.sh bench"
                + " chat`.%nGatling (%s) against a server of its own on loopback, one run after the"
                + " other, each for %s s: visitors at once, each starting a conversation and asking"
                + " up to 30 questions in it before starting the next (JSON answers, extractive: no"
                + " chat model), one published capsule holding the SciFact corpus (**%s chunks**)."
                + " Every question of the first runs is asked once in the whole benchmark (SciFact's"
                + " claims and questions made of its titles and first sentences), so no answer comes"
                + " from the answer cache; the **cache run** asks %d claims again and again."
                + " **Visitors** take %s s (uniformly drawn) to read an answer and type the next"
                + " question, and as long before starting a conversation; clients **without pause**"
                + " ask again the moment an answer arrives, which measures the server's capacity on"
                + " these two cores (shared with Gatling and PostgreSQL). Before them, 15 s without"
                + " pause that are not reported, so that the JIT has compiled the paths. The"
                + " visitors' rate limits are raised for the run (it measures speed, not the"
                + " limits).%n%n",
            java.time.Instant.now().toString().substring(0, 16) + "Z",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            System.getProperty("gatling.version", "3.14"),
            System.getProperty("seconds", "60"),
            String.format(Locale.ROOT, "%,d", Integer.parseInt(prepared[2])),
            CACHED_QUESTIONS,
            System.getProperty("pause", "1-4").replace("-", "–")));
    md.append(
        "| run | requests | count | errors | per second | p50 ms | p95 ms | p99 ms | max ms |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    double capacity = 0;
    for (String run : runs) {
      String label = run.substring(0, run.indexOf('='));
      Path dir = Path.of(run.substring(run.indexOf('=') + 1));
      Path report = latestReport(dir);
      row(md, label, "start a conversation", table(request(report, "req_start")));
      Map<String, String[]> asked = table(request(report, "req_ask"));
      row(md, label, "ask (a question and its answer)", asked);
      if (dir.getFileName().toString().endsWith("saturated")) {
        capacity = Double.parseDouble(asked.get("Mean count/s")[0].replace(",", ""));
      }
    }
    long[] start = longs(out.resolve("answers-start.txt"));
    long[] before = longs(out.resolve("answers-before.txt"));
    long[] after = longs(out.resolve("answers-after.txt"));
    long answers = after[0] - before[0];
    long hits = after[1] - before[1];
    md.append(
        String.format(
            Locale.ROOT,
            "%nCache run: %,d answers, %,d (%.1f %%) from the answer cache. The runs before it"
                + " (warm-up included): %,d answers, %,d from the cache.%n",
            answers,
            hits,
            answers == 0 ? 0 : 100.0 * hits / answers,
            before[0] - start[0],
            before[1] - start[1]));
    String embed = Files.readString(out.resolve("embed-rate.txt")).strip();
    double embedRate = Double.parseDouble(embed.replaceAll(".*perSecond=", ""));
    md.append(
        String.format(
            Locale.ROOT,
            "%nThe query embedding alone (bge-small-en-v1.5 int8 as the server runs it, in the"
                + " benchmark's JVM on the same two cores, %s threads asking distinct questions):"
                + " %.1f questions/s. Capacity without pause (%.1f answers/s) against it:"
                + " **%.2f**.%n",
            embed.replaceAll(".*threads=(\\d+).*", "$1"),
            embedRate,
            capacity,
            capacity / embedRate));
    md.append(
        String.format(
            Locale.ROOT,
            "%nwidget.js %d bytes gzipped, widget.css %d bytes gzipped (%.1f KB together)."
                + "%nTime to interactive of the widget (its launcher shown, the capsule loaded) on a"
                + " blank page of another origin, headless Chromium, from the start of navigation:"
                + " first load %.0f ms, next %d loads median %.0f ms (widget.js from the browser's"
                + " cache).%n",
            js,
            css,
            (js + css) / 1024.0,
            loads.get(0),
            loads.size() - 1,
            median(loads.subList(1, loads.size()))));
    Files.writeString(results, md.toString());
    System.out.print(md);
  }

  private static long[] longs(Path file) throws Exception {
    String[] parts = Files.readString(file).strip().split("\\s+");
    return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
  }

  private static void row(StringBuilder md, String run, String label, Map<String, String[]> s) {
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
            run,
            label,
            s.get("Total count")[0],
            s.get("Total count")[2],
            s.get("Mean count/s")[0],
            s.get("50th percentile")[0],
            s.get("95th percentile")[0],
            s.get("99th percentile")[0],
            s.get("Max")[0]));
  }

  /** The folder of the latest Gatling report under the results folder. */
  private static Path latestReport(Path gatling) throws Exception {
    try (Stream<Path> files = Files.walk(gatling)) {
      return files
          .filter(p -> p.getFileName().toString().equals("index.html"))
          .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("No Gatling report under " + gatling))
          .getParent();
    }
  }

  private static Path request(Path report, String prefix) throws Exception {
    try (Stream<Path> files = Files.list(report)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No " + prefix + " page in " + report));
    }
  }

  /**
   * A Gatling report page's statistics tables (its HTML is the only readable form the run leaves:
   * the simulation log is binary): row title → total, OK, KO.
   */
  private static Map<String, String[]> table(Path page) throws Exception {
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (Element title : Jsoup.parse(page.toFile(), "UTF-8").select("td.title")) {
      Element total = title.nextElementSibling();
      if (total == null || !total.hasClass("total")) {
        continue;
      }
      Element ok = total.nextElementSibling();
      Element ko = ok == null ? null : ok.nextElementSibling();
      rows.putIfAbsent(
          title.text(),
          new String[] {total.text(), ok == null ? "" : ok.text(), ko == null ? "" : ko.text()});
    }
    return rows;
  }

  private static long gzipped(Path file) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(Files.readAllBytes(file));
    }
    return bytes.size();
  }

  /**
   * Milliseconds from navigation start until the widget's launcher is in its shadow root, for
   * {@link #PAGE_LOADS} loads of a blank page on another origin (the first without a cache).
   */
  private static List<Double> timeToInteractive(String capsule, String key) throws Exception {
    List<Double> times = new ArrayList<>();
    try (CustomerSite site = new CustomerSite();
        Browser browser = new Browser()) {
      new CapsuleApi("alice.acme")
          .expect(
              200,
              "PUT",
              "/" + capsule + "/delivery",
              "{\"allowedOrigins\": [\"" + site.origin() + "\"]}");
      site.rawPage(
          "/blank.html",
          "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Blank</title><script>"
              + "new MutationObserver(function () {"
              + " var host = document.querySelector('[data-encaptio]');"
              + " if (!window.tti && host && host.shadowRoot"
              + " && host.shadowRoot.querySelector('.launcher')) { window.tti = performance.now(); }"
              + "}).observe(document, {childList: true, subtree: true});</script></head><body>"
              + CustomerSite.widget(key, "")
              + "</body></html>");
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      for (int i = 0; i < PAGE_LOADS; i++) {
        browser.driver.get(site.url("/blank.html?load=" + i));
        browser.wait.until(d -> js.executeScript("return window.tti || null") != null);
        times.add(((Number) js.executeScript("return window.tti")).doubleValue());
      }
    }
    return times;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
