package io.encaptio.infrastructure.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import io.encaptio.domain.ai.ChatModelFailure;
import io.encaptio.domain.ai.ChatModels;
import io.encaptio.domain.ai.ChatPrompt;
import io.encaptio.domain.ai.Completion;
import io.encaptio.domain.ai.ModelCall;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The four providers' streaming chat models of LangChain4j, built per call from the tenant's
 * configuration (they are light; keys never stay in memory beyond the call). The call waits for the
 * whole answer at most the configured timeout; tokens reach the caller as they arrive. Every
 * failure becomes a {@link ChatModelFailure}, transient for timeouts, 429 and 5xx.
 */
@ApplicationScoped
public class LangChain4jChatModels implements ChatModels {

  @Override
  public Completion stream(ModelCall call, ChatPrompt prompt, Consumer<String> tokens) {
    StreamingChatModel model = model(call);
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    StringBuilder text = new StringBuilder();
    try {
      model.chat(
          ChatRequest.builder().messages(messages(prompt)).build(),
          new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
              if (!done.isDone()) {
                text.append(partial);
                tokens.accept(partial);
              }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
              done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
              done.completeExceptionally(error);
            }
          });
      ChatResponse response = done.get(call.timeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
      String answer =
          response.aiMessage() != null && response.aiMessage().text() != null
              ? response.aiMessage().text()
              : text.toString();
      TokenUsage usage = response.tokenUsage();
      return new Completion(
          answer,
          usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
          usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
    } catch (java.util.concurrent.TimeoutException timedOut) {
      done.cancel(true);
      throw new ChatModelFailure(
          call.label() + " did not answer within " + call.timeout().toSeconds() + " s",
          true,
          timedOut);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new ChatModelFailure(call.label() + " was interrupted", true, interrupted);
    } catch (ExecutionException failed) {
      throw failure(call, failed.getCause());
    } catch (RuntimeException failed) {
      throw failure(call, failed);
    }
  }

  static StreamingChatModel model(ModelCall call) {
    String baseUrl =
        call.baseUrl() != null ? call.baseUrl() : call.provider().defaultBaseUrl().orElseThrow();
    return switch (call.provider()) {
      case OPENAI ->
          OpenAiStreamingChatModel.builder()
              .baseUrl(baseUrl)
              .apiKey(call.apiKey())
              .modelName(call.model())
              .temperature(call.temperature())
              .maxTokens(call.maxOutputTokens())
              .timeout(call.timeout())
              .build();
      case ANTHROPIC ->
          AnthropicStreamingChatModel.builder()
              .baseUrl(baseUrl)
              .apiKey(call.apiKey())
              .modelName(call.model())
              .temperature(call.temperature())
              .maxTokens(call.maxOutputTokens())
              .timeout(call.timeout())
              .build();
      case GEMINI ->
          GoogleAiGeminiStreamingChatModel.builder()
              .baseUrl(baseUrl)
              .apiKey(call.apiKey())
              .modelName(call.model())
              .temperature(call.temperature())
              .maxOutputTokens(call.maxOutputTokens())
              .timeout(call.timeout())
              .build();
      case OLLAMA ->
          OllamaStreamingChatModel.builder()
              .baseUrl(baseUrl)
              .modelName(call.model())
              .temperature(call.temperature())
              .numPredict(call.maxOutputTokens())
              .timeout(call.timeout())
              .build();
    };
  }

  private static List<ChatMessage> messages(ChatPrompt prompt) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(prompt.system()));
    for (ChatPrompt.Turn turn : prompt.history()) {
      messages.add(turn.visitor() ? UserMessage.from(turn.text()) : AiMessage.from(turn.text()));
    }
    messages.add(UserMessage.from(prompt.question()));
    return messages;
  }

  private static ChatModelFailure failure(ModelCall call, Throwable error) {
    Throwable cause = error;
    while (cause != null) {
      if (cause instanceof HttpException http) {
        int status = http.statusCode();
        return new ChatModelFailure(
            call.label() + " answered HTTP " + status, status == 429 || status >= 500, error);
      }
      if (cause instanceof RateLimitException) {
        return new ChatModelFailure(call.label() + " is rate limited (429)", true, error);
      }
      if (cause instanceof InternalServerException) {
        return new ChatModelFailure(call.label() + " failed on its side (5xx)", true, error);
      }
      if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
        return new ChatModelFailure(call.label() + " timed out", true, error);
      }
      if (cause instanceof IOException) {
        return new ChatModelFailure(
            call.label() + " could not be reached: " + cause.getMessage(), true, error);
      }
      cause = cause.getCause();
    }
    return new ChatModelFailure(
        call.label() + " failed: " + (error == null ? "unknown error" : error.getMessage()),
        false,
        error);
  }
}
