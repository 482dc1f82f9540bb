package io.encaptio.interfaces.capsule.rest;

import io.encaptio.domain.ai.SearchMode;
import io.encaptio.domain.capsule.RetrievalSettings;
import jakarta.ws.rs.BadRequestException;
import java.util.List;
import java.util.Locale;
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

    SearchMode searchMode() {
      if (mode == null) {
        return SearchMode.HYBRID;
      }
      try {
        return SearchMode.valueOf(mode.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        throw new BadRequestException(
            "Unknown mode \"" + mode + "\": use hybrid, vector or keyword.");
      }
    }

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
    static int valueOf(FeedbackRequest request) {
      if (request == null || request.value() == null) {
        throw new BadRequestException("Send {\"value\": 1} or {\"value\": -1}.");
      }
      return request.value();
    }
  }

  /** Retrieval settings to change; those left out stay as they are. */
  public record RetrievalChange(
      Integer vectorCandidates,
      Integer keywordCandidates,
      Integer postingsPerTerm,
      Integer searchWidth,
      String fusion,
      Double vectorWeight,
      Integer rrfK,
      Integer passages) {

    RetrievalSettings applyTo(RetrievalSettings current) {
      return new RetrievalSettings(
          vectorCandidates == null ? current.vectorCandidates() : vectorCandidates,
          keywordCandidates == null ? current.keywordCandidates() : keywordCandidates,
          postingsPerTerm == null ? current.postingsPerTerm() : postingsPerTerm,
          searchWidth == null
              ? Math.max(current.searchWidth(), requestedVectorCandidates())
              : searchWidth,
          fusion == null ? current.fusion() : fusion,
          vectorWeight == null ? current.vectorWeight() : vectorWeight,
          rrfK == null ? current.rrfK() : rrfK,
          passages == null ? current.passages() : passages);
    }

    private int requestedVectorCandidates() {
      return vectorCandidates == null ? 0 : vectorCandidates;
    }
  }
}
