package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.support.VisitorLoad;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Two Liberty nodes behind HAProxy (bench-failover.sh starts them): first the answers per second
 * one node gives and both give, side by side, with clients that never pause; then visitors who
 * pause 1-4 s between questions while node B is killed (kill -9) and, later, started again. Every
 * question is new (no answer-cache hit). Arguments: VISITORS SECONDS OUT; system properties {@code
 * nodeA}, {@code balancer}, {@code nodeScript} (node.sh start/stop commands for B).
 */
public final class FailoverBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    int visitors = Integer.parseInt(args[0]);
    int seconds = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    String nodeA = System.getProperty("nodeA");
    String balancer = System.getProperty("balancer");
    String[] stopB = System.getProperty("stopB").split(" ");
    String[] startB = System.getProperty("startB").split(" ");

    CapsuleApi alice = new CapsuleApi("alice.acme").on(nodeA);
    JsonNode capsule =
        alice.publishedCapsule(
            "Failover bench " + System.nanoTime(),
            "real-estate",
            "The flat has two bedrooms and a balcony facing the harbour. "
                + "The kitchen was renewed in 2024; the building has a lift and a bicycle room.");
    String key = capsule.get("publicKey").asText();

    run(new VisitorLoad(nodeA, key, visitors, 0, 0), 10); // warm-up, not reported
    double one = answersPerSecond(run(new VisitorLoad(nodeA, key, visitors, 0, 0), seconds));
    double two = answersPerSecond(run(new VisitorLoad(balancer, key, visitors, 0, 0), seconds));
    double oneAgain = answersPerSecond(run(new VisitorLoad(nodeA, key, visitors, 0, 0), seconds));
    double twoAgain =
        answersPerSecond(run(new VisitorLoad(balancer, key, visitors, 0, 0), seconds));

    VisitorLoad load = new VisitorLoad(balancer, key, visitors, 1000, 4000);
    long begin = System.nanoTime();
    load.start();
    Thread.sleep(seconds * 1000L / 3);
    exec(stopB);
    long kill = System.nanoTime(); // node.sh returns once B's process is gone
    Thread.sleep(seconds * 1000L / 3);
    long restart = System.nanoTime();
    Thread starter = new Thread(() -> exec(startB));
    starter.start();
    long rejoined = 0;
    while (rejoined == 0 && System.nanoTime() - restart < Duration.ofMinutes(5).toNanos()) {
      if (members(nodeA) == 2) {
        rejoined = System.nanoTime();
      } else {
        Thread.sleep(200);
      }
    }
    starter.join();
    long ready = System.nanoTime();
    Thread.sleep(seconds * 1000L / 3);
    List<VisitorLoad.Request> requests = load.stop();

    long failed = requests.stream().filter(VisitorLoad.Request::failed).count();
    long inFlight =
        requests.stream().filter(r -> r.failed() && r.start() < kill && r.end() >= kill).count();
    long lastFailure =
        requests.stream()
            .filter(VisitorLoad.Request::failed)
            .mapToLong(VisitorLoad.Request::end)
            .max()
            .orElse(kill);
    long answered = requests.stream().filter(VisitorLoad.Request::answered).count();
    long refused = requests.stream().filter(r -> r.status() == 429).count();
    String report =
        String.format(
            Locale.ROOT,
            """
            # Two nodes: throughput and a node killed under load

            Run %s on this machine (2 cores; both nodes, HAProxy, PostgreSQL, Keycloak and the
            load on them), capsule of one text (extractive answers, no chat model), every question
            new. `encaptio.sh bench failover %d %d`.

            ## Answers per second, clients that never pause (%d at once, %d s per run)

            | target | run 1 | run 2 |
            |---|---|---|
            | node A alone | %.1f | %.1f |
            | both nodes behind HAProxy | %.1f | %.1f |

            Both nodes share the same 2 cores: a second node adds no CPU here, so the ratio
            (%.2f) shows the cost of the load balancer and of sharing the cores, not the gain of
            a second machine. Per core: %.1f answers/s with one node.

            ## Node B killed under %d visitors (pause 1-4 s, %d s)

            - requests: %d, answered %d, refused by rate limits %d
            - failed: %d (in flight at the kill: %d; sent after it: %d); the last failure ended
              %.1f s after the kill
            - B started again %.1f s after the kill: in A's cluster view after %.1f s, ready after
              %.1f s
            """,
            Instant.now(),
            visitors,
            seconds,
            visitors,
            seconds,
            one,
            oneAgain,
            two,
            twoAgain,
            (two + twoAgain) / (one + oneAgain),
            (one + oneAgain) / 2 / 2,
            visitors,
            seconds,
            requests.size(),
            answered,
            refused,
            failed,
            inFlight,
            requests.stream().filter(r -> r.failed() && r.start() >= kill).count(),
            (lastFailure - kill) / 1e9,
            (restart - kill) / 1e9,
            rejoined == 0 ? Double.NaN : (rejoined - restart) / 1e9,
            (ready - restart) / 1e9);
    Files.writeString(out, report);
    System.out.print(report);
    System.out.printf(Locale.ROOT, "(load began %.1f s before the kill)%n", (kill - begin) / 1e9);
  }

  private static List<VisitorLoad.Request> run(VisitorLoad load, int seconds) throws Exception {
    load.start();
    Thread.sleep(seconds * 1000L);
    return load.stop();
  }

  private static double answersPerSecond(List<VisitorLoad.Request> requests) {
    long first = requests.stream().mapToLong(VisitorLoad.Request::start).min().orElse(0);
    long last = requests.stream().mapToLong(VisitorLoad.Request::end).max().orElse(1);
    long answered = requests.stream().filter(VisitorLoad.Request::answered).count();
    return answered / ((last - first) / 1e9);
  }

  private static int members(String node) {
    try {
      HttpResponse<String> health =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(node + "/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      for (JsonNode check : JSON.readTree(health.body()).path("checks")) {
        if (check.path("name").asText().equals("cluster")) {
          return check.path("data").path("members").asInt();
        }
      }
    } catch (Exception e) {
      // not answering: no members known
    }
    return 0;
  }

  private static void exec(String[] command) {
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
