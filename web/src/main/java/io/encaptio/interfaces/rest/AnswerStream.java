package io.encaptio.interfaces.rest;

import io.encaptio.application.AssistantService;
import io.encaptio.interfaces.problem.UnexpectedExceptionMapper;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An answer as server-sent events, written on the request's thread while the answer is made: {@code
 * token} ({"text": …}), {@code restart}, then {@code answer} (the whole checked answer) or {@code
 * error} (a problem document). The stream closes after the last event.
 */
public final class AnswerStream {

  /** Events only when asked for: without an Accept header, the JSON answer wins (qs). */
  public static final String MEDIA_TYPE = MediaType.SERVER_SENT_EVENTS + ";qs=0.5";

  private final SseEventSink events;
  private final Sse sse;

  public AnswerStream(SseEventSink events, Sse sse) {
    this.events = events;
    this.sse = sse;
  }

  public <T> void run(String path, Function<Consumer<String>, T> answering) {
    try (events) {
      try {
        send("answer", answering.apply(this::token));
      } catch (RuntimeException failure) {
        send("error", UnexpectedExceptionMapper.problem(failure, path));
      }
    }
  }

  private void token(String token) {
    if (AssistantService.RESTART.equals(token)) {
      sendJson("restart", "{}");
    } else {
      sendJson("token", Json.createObjectBuilder().add("text", token).build().toString());
    }
  }

  /** A record, written as JSON by the JSON-B provider. */
  private void send(String name, Object data) {
    if (!events.isClosed()) { // the client went away: the answer is still stored
      events.send(
          sse.newEventBuilder()
              .name(name)
              .mediaType(MediaType.APPLICATION_JSON_TYPE)
              .data(data.getClass(), data)
              .build());
    }
  }

  /** JSON text as it is (a String through JSON-B would be quoted again). */
  private void sendJson(String name, String json) {
    if (!events.isClosed()) {
      events.send(
          sse.newEventBuilder()
              .name(name)
              .mediaType(MediaType.TEXT_PLAIN_TYPE)
              .data(String.class, json)
              .build());
    }
  }
}
