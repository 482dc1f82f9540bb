package it.encaptio.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import it.encaptio.ItEnvironment;
import java.util.ArrayList;
import java.util.List;

/**
 * Local stand-ins of the four chat-model providers on one WireMock server, each speaking its
 * provider's real streaming wire format: OpenAI's chat completions (server-sent events ending in
 * [DONE], usage in the last chunk), Anthropic's messages (typed events from message_start to
 * message_stop), Gemini's streamGenerateContent (alt=sse, usageMetadata) and Ollama's chat
 * (newline-delimited JSON). Each stand-in lives under its own path prefix, which is the base
 * address a model configuration points at, so several stand-ins of one provider can answer
 * differently (one answers, one is rate limited, one is slow...).
 */
final class ProviderStandIns implements AutoCloseable {

  final WireMockServer server =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  ProviderStandIns() {
    server.start();
  }

  /** The base address of the stand-in under {@code prefix}, as a model configuration takes it. */
  String baseUrl(String prefix, String provider) {
    String root = "http://localhost:" + server.port() + "/" + prefix;
    return switch (provider) {
      case "openai" -> root + "/v1";
      case "anthropic" -> root + "/v1/";
      case "gemini" -> root + "/v1beta";
      default -> root;
    };
  }

  /** The answer as the provider streams it, in the pieces given. */
  void answers(String prefix, String provider, String model, List<String> pieces) {
    server.stubFor(
        post(urlPathEqualTo(path(prefix, provider, model)))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader(
                        "Content-Type",
                        provider.equals("ollama") ? "application/x-ndjson" : "text/event-stream")
                    .withBody(body(provider, model, pieces))));
  }

  /** An HTTP error with the provider's error body (429 rate limited, 500 failed...). */
  void fails(String prefix, String provider, String model, int status) {
    server.stubFor(
        post(urlPathEqualTo(path(prefix, provider, model)))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(error(provider, status))));
  }

  /** Answers, but only after {@code millis}: longer than a short timeout. */
  void slow(String prefix, String provider, String model, int millis) {
    server.stubFor(
        post(urlPathEqualTo(path(prefix, provider, model)))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withFixedDelay(millis)
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(body(provider, model, List.of("Too late.")))));
  }

  static String path(String prefix, String provider, String model) {
    return switch (provider) {
      case "openai" -> "/" + prefix + "/v1/chat/completions";
      case "anthropic" -> "/" + prefix + "/v1/messages";
      case "gemini" -> "/" + prefix + "/v1beta/models/" + model + ":streamGenerateContent";
      case "ollama" -> "/" + prefix + "/api/chat";
      default -> throw new IllegalArgumentException(provider);
    };
  }

  private static String body(String provider, String model, List<String> pieces) {
    return switch (provider) {
      case "openai" -> openAi(model, pieces);
      case "anthropic" -> anthropic(model, pieces);
      case "gemini" -> gemini(model, pieces);
      case "ollama" -> ollama(model, pieces);
      default -> throw new IllegalArgumentException(provider);
    };
  }

  private static String openAi(String model, List<String> pieces) {
    List<String> events = new ArrayList<>();
    events.add(openAiChunk(model, delta().put("role", "assistant").put("content", ""), null));
    for (String piece : pieces) {
      events.add(openAiChunk(model, delta().put("content", piece), null));
    }
    events.add(openAiChunk(model, delta(), "stop"));
    ObjectNode usage = json().put("id", "chatcmpl-standin").put("object", "chat.completion.chunk");
    usage.put("created", 1_700_000_000).put("model", model).putArray("choices");
    usage
        .putObject("usage")
        .put("prompt_tokens", 412)
        .put("completion_tokens", 17)
        .put("total_tokens", 429);
    events.add(usage.toString());
    events.add("[DONE]");
    StringBuilder body = new StringBuilder();
    events.forEach(e -> body.append("data: ").append(e).append("\n\n"));
    return body.toString();
  }

  private static String openAiChunk(String model, ObjectNode delta, String finish) {
    ObjectNode chunk = json().put("id", "chatcmpl-standin").put("object", "chat.completion.chunk");
    chunk.put("created", 1_700_000_000).put("model", model);
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    return chunk.toString();
  }

  private static String anthropic(String model, List<String> pieces) {
    StringBuilder body = new StringBuilder();
    ObjectNode start = json().put("type", "message_start");
    ObjectNode message =
        start
            .putObject("message")
            .put("id", "msg_standin")
            .put("type", "message")
            .put("role", "assistant")
            .put("model", model);
    message.putArray("content");
    message.putNull("stop_reason").putNull("stop_sequence");
    message.putObject("usage").put("input_tokens", 388).put("output_tokens", 1);
    event(body, "message_start", start);
    ObjectNode blockStart = json().put("type", "content_block_start").put("index", 0);
    blockStart.putObject("content_block").put("type", "text").put("text", "");
    event(body, "content_block_start", blockStart);
    for (String piece : pieces) {
      ObjectNode delta = json().put("type", "content_block_delta").put("index", 0);
      delta.putObject("delta").put("type", "text_delta").put("text", piece);
      event(body, "content_block_delta", delta);
    }
    event(body, "content_block_stop", json().put("type", "content_block_stop").put("index", 0));
    ObjectNode messageDelta = json().put("type", "message_delta");
    messageDelta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
    messageDelta.putObject("usage").put("output_tokens", 15);
    event(body, "message_delta", messageDelta);
    event(body, "message_stop", json().put("type", "message_stop"));
    return body.toString();
  }

  private static void event(StringBuilder body, String name, ObjectNode data) {
    body.append("event: ").append(name).append('\n').append("data: ").append(data).append("\n\n");
  }

  private static String gemini(String model, List<String> pieces) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pieces.size(); i++) {
      ObjectNode chunk = json();
      ObjectNode candidate = chunk.putArray("candidates").addObject();
      ObjectNode content = candidate.putObject("content").put("role", "model");
      content.putArray("parts").addObject().put("text", pieces.get(i));
      candidate.put("index", 0);
      if (i == pieces.size() - 1) {
        candidate.put("finishReason", "STOP");
      }
      chunk
          .putObject("usageMetadata")
          .put("promptTokenCount", 401)
          .put("candidatesTokenCount", 5 + 3 * i)
          .put("totalTokenCount", 406 + 3 * i);
      chunk.put("modelVersion", model);
      body.append("data: ").append(chunk).append("\r\n\r\n");
    }
    return body.toString();
  }

  private static String ollama(String model, List<String> pieces) {
    StringBuilder body = new StringBuilder();
    for (String piece : pieces) {
      ObjectNode line = json().put("model", model).put("created_at", "2026-11-26T12:00:00Z");
      line.putObject("message").put("role", "assistant").put("content", piece);
      body.append(line.put("done", false)).append('\n');
    }
    ObjectNode last = json().put("model", model).put("created_at", "2026-11-26T12:00:01Z");
    last.putObject("message").put("role", "assistant").put("content", "");
    last.put("done", true).put("done_reason", "stop").put("total_duration", 1_200_000_000L);
    last.put("prompt_eval_count", 395).put("eval_count", 16);
    return body.append(last).append('\n').toString();
  }

  private static String error(String provider, int status) {
    String type = status == 429 ? "rate_limit_error" : "api_error";
    String message = status == 429 ? "Rate limit reached, retry later" : "The server had an error";
    return switch (provider) {
      case "openai" -> {
        ObjectNode error = json();
        error.putObject("error").put("message", message).put("type", type).putNull("code");
        yield error.toString();
      }
      case "anthropic" -> {
        ObjectNode error = json().put("type", "error");
        error.putObject("error").put("type", type).put("message", message);
        yield error.toString();
      }
      case "gemini" -> {
        ObjectNode error = json();
        error
            .putObject("error")
            .put("code", status)
            .put("message", message)
            .put("status", status == 429 ? "RESOURCE_EXHAUSTED" : "INTERNAL");
        yield error.toString();
      }
      default -> json().put("error", message).toString();
    };
  }

  private static ObjectNode delta() {
    return json();
  }

  private static ObjectNode json() {
    return ItEnvironment.JSON.createObjectNode();
  }

  /** The bodies the providers received at {@code prefix}, newest first. */
  List<String> requests(String prefix) {
    return server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith("/" + prefix + "/"))
        .map(e -> e.getRequest().getBodyAsString())
        .toList();
  }

  List<String> headers(String prefix, String name) {
    return server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith("/" + prefix + "/"))
        .map(e -> e.getRequest().getHeader(name))
        .toList();
  }

  @Override
  public void close() {
    server.stop();
  }
}
