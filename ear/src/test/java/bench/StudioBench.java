package bench;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.support.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The studio benchmark's driver ({@code encaptio.sh bench studio [N]}): fills acme up to N capsules
 * through the API (drafts from the real-estate template, without content, so that no indexing runs
 * beside the measurement), signs an editor in through Keycloak in Chromium, and then times the
 * studio's pages as the server renders them (request to last byte, over loopback, with the
 * signed-in session's cookies): the capsules list (its lazy table's first page) and the editor of
 * capsules picked at random. Writes {@code studio.txt}.
 */
public final class StudioBench {

  public static void main(String[] args) throws Exception {
    int wanted = Integer.parseInt(args.length > 0 ? args[0] : "1000");
    int requests = Integer.getInteger("bench.requests", 300);
    Path out = Path.of(System.getProperty("bench.out", ".run/bench-studio"));
    Files.createDirectories(out);

    CapsuleApi alice = new CapsuleApi("alice.acme");
    List<String> ids = fill(alice, wanted);

    String cookies;
    try (Browser eddie = new Browser()) {
      eddie.openSignedIn("/app/capsules.xhtml", "eddie.acme");
      cookies = eddie.cookieHeader();
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Random random = new Random(7);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "capsules=%d requests=%d", ids.size(), requests));
    lines.add(time("list", http, cookies, requests, () -> "/app/capsules.xhtml"));
    lines.add(
        time(
            "editor",
            http,
            cookies,
            requests,
            () -> "/app/capsule.xhtml?id=" + ids.get(random.nextInt(ids.size()))));
    Files.write(out.resolve("studio.txt"), lines);
    lines.forEach(System.out::println);
  }

  /** Creates capsules (four at a time) until acme has {@code wanted}; answers their ids. */
  private static List<String> fill(CapsuleApi alice, int wanted) throws Exception {
    long existing = alice.expect(200, "GET", "?first=0&max=1", null).get("total").asLong();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> created = new ArrayList<>();
    for (long i = existing; i < wanted; i++) {
      long n = i;
      created.add(
          pool.submit(
              () -> {
                String id =
                    alice
                        .expect(
                            201,
                            "POST",
                            "",
                            "{\"name\": \"Listing "
                                + n
                                + " "
                                + UUID.randomUUID()
                                + "\","
                                + " \"template\": \"real-estate\"}")
                        .get("id")
                        .asText();
                return id;
              }));
    }
    for (Future<String> f : created) {
      f.get();
    }
    pool.shutdown();
    List<String> ids = new ArrayList<>();
    for (int first = 0; ; first += 100) {
      JsonNode page = alice.expect(200, "GET", "?first=" + first + "&max=100", null);
      page.get("capsules").forEach(c -> ids.add(c.get("id").asText()));
      if (ids.size() >= page.get("total").asLong()) {
        return ids;
      }
    }
  }

  private static String time(
      String page,
      HttpClient http,
      String cookies,
      int requests,
      java.util.function.Supplier<String> path)
      throws Exception {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < requests + 30; i++) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(ItEnvironment.baseUrl() + path.get()))
              .header("Cookie", cookies)
              .timeout(Duration.ofSeconds(30))
              .GET()
              .build();
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long took = (System.nanoTime() - start) / 1000;
      if (response.statusCode() != 200 || !response.body().contains("capsule")) {
        throw new IllegalStateException(
            page + " answered " + response.statusCode() + ": not a signed-in studio page");
      }
      if (i >= 30) {
        micros.add(took); // the first 30 warm the page up
      }
    }
    Collections.sort(micros);
    return String.format(
        Locale.ROOT,
        "page=%s p50_ms=%.1f p95_ms=%.1f max_ms=%.1f",
        page,
        micros.get(micros.size() / 2) / 1000.0,
        micros.get((int) Math.ceil(micros.size() * 0.95) - 1) / 1000.0,
        micros.get(micros.size() - 1) / 1000.0);
  }
}
