package encaptio;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Visitors of one published capsule through the public API, as the widget talks to it: each starts
 * a conversation, asks 30 questions in it (JSON answers, extractive: no chat model), and starts the
 * next. The questions come from the {@code questions} CSV file, each asked once (the run must end
 * before the file does), or again and again with {@code repeat=true}. {@code users} visitors at once (default 50) for {@code seconds} (default 60), on loopback
 * only. {@code pause} is what a visitor takes to read an answer and type the next question, in
 * seconds: "1-4" draws it uniformly from one to four seconds, "0" (the default) asks again at once,
 * which measures what the server can do rather than what visitors make it do. Every response must be
 * 200/201 with an answer; anything else counts as an error.
 */
public class PublicChatSimulation extends Simulation {

  private static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:9082");
  private static final String KEY = System.getProperty("capsule");
  private static final int USERS = Integer.getInteger("users", 50);
  private static final int SECONDS = Integer.getInteger("seconds", 60);
  private static final String[] PAUSE = System.getProperty("pause", "0").split("-");

  /** The run's questions: a CSV file with a "question" column (ChatBench writes them). */
  private static final String QUESTIONS = System.getProperty("questions");

  /** Asks the file's questions again and again (the cache run); else each once, in order. */
  private static final boolean REPEAT = Boolean.getBoolean("repeat");

  private final FeederBuilder<String> questions =
      QUESTIONS == null ? null : REPEAT ? csv(QUESTIONS).circular() : csv(QUESTIONS).queue();

  private final HttpProtocolBuilder protocol =
      http.baseUrl(BASE + "/api/public/v1/capsules/" + KEY)
          .acceptHeader("application/json")
          .contentTypeHeader("application/json")
          .shareConnections();

  /** A conversation holds at most 40 questions: a visitor starts a new one every 30. */
  private final ScenarioBuilder visitor =
      scenario("visitor")
          .during(Duration.ofSeconds(SECONDS))
          .on(
              thinking(),
              http("start conversation")
                  .post("/conversations")
                  .body(StringBody("{\"channel\": \"widget\"}"))
                  .check(status().is(201))
                  .check(jsonPath("$.conversationId").saveAs("conversation"))
                  .check(jsonPath("$.visitorId").saveAs("visitor")),
              repeat(30).on(feedAndAsk()));

  /** A visitor's time to read and type, or nothing without a pause. */
  private static ChainBuilder thinking() {
    return PAUSE.length == 2
        ? pause(
            Duration.ofSeconds(Integer.parseInt(PAUSE[0])),
            Duration.ofSeconds(Integer.parseInt(PAUSE[1])))
        : pause(Duration.ZERO);
  }

  private ChainBuilder feedAndAsk() {
    return feed(questions)
        .exec(thinking())
        .exec(
            http("ask")
                .post("/conversations/#{conversation}/messages")
                .header("Encaptio-Visitor", "#{visitor}")
                .body(StringBody("{\"text\": #{question.jsonStringify()}}"))
                .check(status().is(200))
                .check(jsonPath("$.text").exists()));
  }

  {
    if (KEY == null || QUESTIONS == null) {
      throw new IllegalStateException(
          "Set -Dcapsule=<public key> of a published capsule and -Dquestions=<CSV file>.");
    }
    setUp(visitor.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS))))
        .protocols(protocol)
        .maxDuration(Duration.ofSeconds(SECONDS + 30))
        .assertions(global().failedRequests().count().is(0L));
  }
}
