package bench;

import it.encaptio.ItEnvironment;
import it.encaptio.ai.AssistantFixture;
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
 * The public chat benchmark's drivers (`encaptio.sh bench chat`). {@code prepare}: a published
 * capsule of known facts (the tests' fixture), its public key written to {@code capsule.txt}.
 * {@code report WIDGET_DIR OUT LABEL=GATLING_RESULTS...}: the figures of each Gatling run
 * (requests, throughput, p50/p95/p99, errors) under its label, widget.js and widget.css gzipped,
 * and the widget's time to interactive on a blank page of another origin in headless Chromium,
 * written to the results file.
 */
public final class ChatBench {

  private static final int PAGE_LOADS = 10;

  public static void main(String[] args) throws Exception {
    Path out = Path.of(System.getProperty("bench.out", ".run/bench-chat"));
    Files.createDirectories(out);
    switch (args[0]) {
      case "prepare" -> prepare(out);
      case "report" ->
          report(
              out, Path.of(args[1]), Path.of(args[2]), Arrays.asList(args).subList(3, args.length));
      default ->
          throw new IllegalArgumentException("usage: prepare | report WIDGET OUT LABEL=RESULTS...");
    }
  }

  private static void prepare(Path out) throws Exception {
    ItEnvironment.awaitDemoTenants();
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String capsule = AssistantFixture.capsule(alice, "Chat bench " + System.nanoTime());
    String key = alice.expect(200, "GET", "/" + capsule, null).get("publicKey").asText();
    Files.writeString(out.resolve("capsule.txt"), capsule + " " + key);
    System.out.println(key);
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
                + " chat model), one published capsule of four short items. **Visitors** take %s s"
                + " (uniformly drawn) to read an answer and type the next question, and as long"
                + " before starting a conversation; clients **without pause** ask again the moment"
                + " an answer arrives, which measures the server's capacity on these two cores"
                + " (shared with Gatling and PostgreSQL). Before them, 15 s without pause that are"
                + " not reported, so that the JIT has compiled the paths. The visitors' rate limits"
                + " are raised for the run (it measures speed, not the limits).%n%n",
            java.time.Instant.now().toString().substring(0, 16) + "Z",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            System.getProperty("gatling.version", "3.14"),
            System.getProperty("seconds", "60"),
            System.getProperty("pause", "1-4").replace("-", "–")));
    md.append(
        "| run | requests | count | errors | per second | p50 ms | p95 ms | p99 ms | max ms |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (String run : runs) {
      String label = run.substring(0, run.indexOf('='));
      Path report = latestReport(Path.of(run.substring(run.indexOf('=') + 1)));
      row(md, label, "start a conversation", table(request(report, "req_start")));
      row(md, label, "ask (a question and its answer)", table(request(report, "req_ask")));
    }
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
