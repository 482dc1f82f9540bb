package it.encaptio.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Visitors of one published capsule through the public API, as the widget talks to it: each starts
 * a conversation and asks question after question in it (never the same text twice, so the answer
 * cache is not what answers), pausing between them, from a client address of its own
 * (X-Forwarded-For, believed from the trusted proxy). Every request is recorded with its start, end
 * and outcome, so a run can tell which requests failed and when.
 */
public final class VisitorLoad {

  /** One request: times in nanoseconds of {@link System#nanoTime()}; status 0 when none came. */
  public record Request(long start, long end, int status, String error) {

    /** A failure: no answer, or a server error (a 429 is the server's own answer). */
    public boolean failed() {
      return status == 0 || status >= 500;
    }

    public boolean answered() {
      return status == 200;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong QUESTIONS = new AtomicLong();

  private final String base;
  private final int visitors;
  private final int pauseMillisMin;
  private final int pauseMillisMax;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<Request> requests = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();

  /**
   * {@code visitors} at once against {@code baseUrl} (a node or a load balancer), each pausing
   * between {@code pauseMillisMin} and {@code pauseMillisMax} before each question (0 and 0: no
   * pause, the server's capacity).
   */
  public VisitorLoad(
      String baseUrl, String capsuleKey, int visitors, int pauseMillisMin, int pauseMillisMax) {
    this.base = baseUrl + "/api/public/v1/capsules/" + capsuleKey;
    this.visitors = visitors;
    this.pauseMillisMin = pauseMillisMin;
    this.pauseMillisMax = pauseMillisMax;
  }

  public void start() {
    running.set(true);
    for (int i = 0; i < visitors; i++) {
      String address = "198.19." + (i / 250) + "." + (i % 250 + 1);
      Thread thread = new Thread(() -> visit(address), "visitor-" + i);
      threads.add(thread);
      thread.start();
    }
  }

  /** Stops asking; waits for the questions in flight. */
  public List<Request> stop() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(60_000);
    }
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private void visit(String address) {
    String conversation = null;
    String visitor = null;
    while (running.get()) {
      pause();
      if (!running.get()) {
        return;
      }
      if (conversation == null) {
        JsonNode started = send(post("/conversations", "{\"channel\": \"widget\"}", address), 201);
        if (started != null) {
          conversation = started.path("conversationId").asText();
          visitor = started.path("visitorId").asText();
        }
        continue;
      }
      String question =
          "How many bedrooms does the flat have, and is there a balcony? (question "
              + QUESTIONS.incrementAndGet()
              + ")";
      HttpRequest.Builder ask =
          post(
                  "/conversations/" + conversation + "/messages",
                  "{\"text\": \"" + question + "\"}",
                  address)
              .header("Encaptio-Visitor", visitor);
      send(ask, 200);
    }
  }

  private void pause() {
    if (pauseMillisMax == 0) {
      return;
    }
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(pauseMillisMin, pauseMillisMax + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    }
  }

  private HttpRequest.Builder post(String path, String body, String address) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("X-Forwarded-For", address)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  /** Sends and records; the JSON body when the status is {@code expected}, else null. */
  private JsonNode send(HttpRequest.Builder request, int expected) {
    long start = System.nanoTime();
    int status = 0;
    String error = null;
    JsonNode body = null;
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      status = response.statusCode();
      if (status == expected) {
        body = JSON.readTree(response.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = e.toString();
    } catch (Exception e) {
      error = e.toString();
    }
    synchronized (requests) {
      requests.add(new Request(start, System.nanoTime(), status, error));
    }
    return body;
  }
}
