package it.encaptio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.capsule.CapsuleApi;
import it.encaptio.delivery.Visitor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Traces as an operator reads them in the trace store: the server exports its spans to the Zipkin
 * the test command started (zipkin.sh), and this test reads them back through Zipkin's API. Each
 * request carries a W3C {@code traceparent} the test chose, as a caller's own tracing would, so the
 * trace is found by its id: the HTTP span continues the caller's trace, the service calls are its
 * children, the SQL theirs; a text's ingestion job, run later by the job worker, continues the
 * trace of the request that added the text. The server's JSON log names the trace and the tenant.
 */
class TracingIT {

  private static final String ZIPKIN = ItEnvironment.env("ZIPKIN_URL", "http://127.0.0.1:9411");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A span as Zipkin's v2 API returns it. */
  record ZipkinSpan(
      String id, String parentId, String kind, String name, Map<String, String> tags) {

    static ZipkinSpan of(JsonNode span) {
      Map<String, String> tags = new java.util.HashMap<>();
      if (span.has("tags")) {
        span.get("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
      }
      return new ZipkinSpan(
          span.get("id").asText(),
          span.has("parentId") ? span.get("parentId").asText() : null,
          span.has("kind") ? span.get("kind").asText() : "INTERNAL",
          span.get("name").asText(),
          tags);
    }
  }

  /** A trace's spans, with their parents. */
  record Trace(List<ZipkinSpan> spans) {

    ZipkinSpan named(String name) {
      return spans.stream()
          .filter(s -> s.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no span " + name + " in " + names()));
    }

    List<ZipkinSpan> childrenOf(ZipkinSpan parent) {
      return spans.stream().filter(s -> parent.id().equals(s.parentId())).toList();
    }

    /** Every span below {@code top}, at any depth. */
    List<ZipkinSpan> below(ZipkinSpan top) {
      List<ZipkinSpan> found = new ArrayList<>();
      for (ZipkinSpan child : childrenOf(top)) {
        found.add(child);
        found.addAll(below(child));
      }
      return found;
    }

    List<String> names() {
      return spans.stream().map(s -> s.kind() + " " + s.name()).toList();
    }
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** The spans of a trace once Zipkin holds one that {@code complete} accepts. */
  private static Trace trace(String traceId, Function<Trace, Boolean> complete) {
    Trace[] trace = {new Trace(List.of())};
    ItEnvironment.await(
        "trace " + traceId + " in Zipkin at " + ZIPKIN,
        Duration.ofSeconds(60),
        () -> {
          HttpResponse<String> response =
              ItEnvironment.send(
                  HttpRequest.newBuilder(URI.create(ZIPKIN + "/api/v2/trace/" + traceId))
                      .timeout(Duration.ofSeconds(10))
                      .build());
          if (response.statusCode() != 200) {
            return false;
          }
          List<ZipkinSpan> spans = new ArrayList<>();
          ItEnvironment.json(response.body()).forEach(s -> spans.add(ZipkinSpan.of(s)));
          trace[0] = new Trace(spans);
          return complete.apply(trace[0]);
        });
    return trace[0];
  }

  private static boolean has(Trace trace, String name) {
    return trace.spans().stream().anyMatch(s -> s.name().equals(name));
  }

  @Test
  void aVisitorsQuestionIsOneTraceFromHttpThroughTheServicesToSql() {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    JsonNode capsule =
        alice.publishedCapsule(
            "Traced " + UUID.randomUUID(),
            "real-estate",
            "The boathouse has a slipway, two kayaks and a sauna by the water.");
    Visitor visitor = new Visitor(capsule.get("publicKey").asText());
    String conversation = visitor.start();

    String traceId = hex(16);
    String callersSpan = hex(8);
    HttpResponse<String> asked =
        visitor.ask(
            conversation,
            "Does the boathouse have a sauna?",
            "traceparent",
            "00-" + traceId + "-" + callersSpan + "-01");
    assertThat(asked.statusCode()).as(asked.body()).isIn(200, 500);

    Trace trace =
        trace(traceId, t -> has(t, "assistantservice.ask") && has(t, "visitorservice.ask"));
    ZipkinSpan http =
        trace.spans().stream()
            .filter(s -> s.kind().equals("SERVER"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no server span in " + trace.names()));
    assertThat(http.parentId())
        .as("the HTTP span continues the caller's trace")
        .isEqualTo(callersSpan);
    assertThat(http.name()).contains("post", "/messages");

    ZipkinSpan visitorService = trace.named("visitorservice.ask");
    assertThat(visitorService.parentId()).isEqualTo(http.id());
    assertThat(visitorService.tags()).containsEntry("encaptio.tenant", "acme");
    ZipkinSpan assistant = trace.named("assistantservice.ask");
    assertThat(assistant.parentId())
        .as("a service called by a service")
        .isEqualTo(visitorService.id());

    List<ZipkinSpan> sql =
        trace.below(visitorService).stream().filter(s -> s.kind().equals("CLIENT")).toList();
    assertThat(sql).as("the services' SQL, in %s", trace.names()).isNotEmpty();
    assertThat(sql)
        .allSatisfy(
            s -> {
              assertThat(s.tags()).containsEntry("db.system", "postgresql");
              assertThat(s.tags().get("db.namespace"))
                  .as("the tenant's schema, or the platform's (its job queue)")
                  .matches("t_[0-9a-f]{32}|platform");
              assertThat(s.tags().get("db.query.text")).isNotBlank();
            });
    assertThat(sql)
        .as("the capsule read through the ORM")
        .anySatisfy(s -> assertThat(s.name()).isEqualTo("readobjectquery capsule"));
    if (asked.statusCode() == 200) {
      assertThat(sql)
          .as("passages found by plain JDBC")
          .anySatisfy(s -> assertThat(s.tags().get("db.query.text")).contains("chunk"));
    }
  }

  @Test
  void aTextsIngestionJobContinuesTheTraceOfTheRequestThatAddedIt() throws IOException {
    CapsuleApi alice = new CapsuleApi("alice.acme");
    String capsule = alice.create("Traced job " + UUID.randomUUID(), "real-estate");

    String traceId = hex(16);
    HttpResponse<String> added =
        alice.call(
            "POST",
            "/" + capsule + "/content",
            ItEnvironment.JSON
                .createObjectNode()
                .put("kind", "text")
                .put("title", "Moorings")
                .put("text", "Guests may moor a boat of up to nine metres at the jetty.")
                .toString(),
            "traceparent",
            "00-" + traceId + "-" + hex(8) + "-01");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    String item = ItEnvironment.json(added.body()).get("id").asText();
    assertThat(alice.settled(capsule, item).get("stage").asText()).isEqualTo("ready");

    Trace trace = trace(traceId, t -> has(t, "job ingest-content"));
    ZipkinSpan request = trace.named("contentservice.addtext");
    ZipkinSpan job = trace.named("job ingest-content");
    assertThat(job.kind()).isEqualTo("CONSUMER");
    assertThat(job.parentId())
        .as("the job is a child of the service call that queued it")
        .isEqualTo(request.id());
    assertThat(job.tags()).containsEntry("encaptio.tenant", "acme");
    assertThat(job.tags().get("encaptio.job.id")).isNotBlank();
    assertThat(trace.childrenOf(request))
        .as("the job queued in the request's transaction")
        .anySatisfy(s -> assertThat(s.name()).isEqualTo("insert jobs"));
    assertThat(trace.below(job))
        .as("the job's own SQL, in %s", trace.names())
        .anySatisfy(
            s ->
                assertThat(s.tags().getOrDefault("db.query.text", ""))
                    .contains("INSERT INTO")
                    .contains(".chunk"));

    // the worker's log line about the item names the request's trace and the tenant
    List<JsonNode> lines = new ArrayList<>();
    ItEnvironment.await(
        "the worker's log line with trace " + traceId,
        Duration.ofSeconds(30),
        () -> {
          lines.clear();
          try (Stream<String> log =
              Files.lines(ItEnvironment.serverDir().resolve("logs/messages.log"))) {
            log.filter(l -> l.contains(traceId) && l.contains(item))
                .map(ItEnvironment::json)
                .forEach(lines::add);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          return !lines.isEmpty();
        });
    assertThat(lines)
        .allSatisfy(
            line -> {
              assertThat(line.get("ext_traceId").asText()).isEqualTo(traceId);
              assertThat(line.get("ext_spanId").asText()).hasSize(16);
              assertThat(line.get("ext_tenant").asText()).isEqualTo("acme");
            });
  }
}
