package io.encaptio.interfaces.assistant.rest;

import io.encaptio.application.RetrievalService.RetrievalChange;
import jakarta.ws.rs.BadRequestException;
import java.util.List;
import java.util.UUID;

/** Request bodies of the assistant API. */
public final class AssistantRequests {

  private AssistantRequests() {}

  /**
   * A search: {@code mode} hybrid (default), vector or keyword; {@code limit} passages (default
   * 10); {@code settings} to try; {@code items}, {@code tags} (any of them) and {@code language} to
   * search only some content items.
   */
  public record SearchRequest(
      String question,
      String mode,
      Integer limit,
      RetrievalChange settings,
      List<UUID> items,
      List<String> tags,
      String language) {

    int limitOr(int fallback) {
      return limit == null ? fallback : limit;
    }
  }

  /**
   * A question; {@code conversationId} continues a conversation; {@code draft} false answers as the
   * published version does (default true: the draft, as the playground shows it).
   */
  public record AskRequest(String question, UUID conversationId, Boolean draft) {}

  /** Thumbs up (1) or down (-1). */
  public record FeedbackRequest(Integer value) {

    /** The value sent; refused when the body or the value is missing. */
    public static int valueOf(FeedbackRequest request) {
      if (request == null || request.value() == null) {
        throw new BadRequestException("Send {\"value\": 1} or {\"value\": -1}.");
      }
      return request.value();
    }
  }
}
