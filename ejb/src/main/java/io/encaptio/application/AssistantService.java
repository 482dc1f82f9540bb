package io.encaptio.application;

import io.encaptio.application.RetrievalService.PassageDto;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A capsule's assistant answering in a conversation: intent, follow-ups made standalone, hybrid
 * retrieval, the answer (a chat model with its fallbacks, or composed from the passages without
 * one), the grounding check, citations, the answer cache, tokens and cost, and an unanswered event
 * when the content had no answer. Each message is stored with its conversation.
 */
public interface AssistantService {

  /**
   * @param conversationId the conversation to continue, or null to start one
   * @param draft answer with the draft's settings (the playground) instead of the published
   *     version's; only published answers are cached
   * @param visitorId a visitor's question, in a conversation that visitor started: the capsule must
   *     be live and the conversation have room for it
   */
  record Ask(String question, UUID conversationId, boolean draft, String visitorId)
      implements Serializable {

    /** An editor's question (the playground, the API). */
    public Ask(String question, UUID conversationId, boolean draft) {
      this(question, conversationId, draft, null);
    }
  }

  /**
   * @param text the answer, "[n]" marking citation n
   * @param outcome answered, hedged, refused, greeting, small-talk or out-of-scope
   * @param unsupported sentences the grounding check left out
   * @param fallbacks why each chat model that did not answer failed, in the order tried
   * @param passages what retrieval found, with each stage's scores (empty when it did not run)
   * @param millis the time of each stage in milliseconds, and "total"
   */
  record AnswerDto(
      UUID conversationId,
      UUID messageId,
      String question,
      String standalone,
      String intent,
      String text,
      String outcome,
      List<CitationDto> citations,
      List<String> unsupported,
      List<String> fallbacks,
      boolean cached,
      String model,
      String variant,
      int inputTokens,
      int outputTokens,
      long costMicros,
      Integer capsuleVersion,
      List<PassageDto> passages,
      Map<String, Double> millis)
      implements Serializable {}

  record MessageDto(
      UUID id,
      String role,
      String text,
      String outcome,
      List<CitationDto> citations,
      String model,
      boolean cached,
      OffsetDateTime at,
      Integer feedback)
      implements Serializable {

    /** What a visitor sees of it: not which model answered. */
    public MessageDto forVisitors() {
      return new MessageDto(id, role, text, outcome, citations, null, cached, at, feedback);
    }
  }

  record UnansweredDto(String question, UUID conversationId, OffsetDateTime at)
      implements Serializable {}

  /**
   * Answers {@code ask} and stores both messages; {@code tokens} receives the answer as it is made
   * (a model's tokens as they stream; it may receive {@link #RESTART} when a model failed mid-way
   * and the next one starts again). The returned answer is the checked one and is authoritative.
   *
   * @throws NoSuchCapsuleException for a capsule the tenant does not have, or a conversation of
   *     another capsule
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException for an empty or too long question,
   *     or a published answer asked of a capsule never published
   */
  @Requires(Permission.VIEW_CAPSULES)
  AnswerDto ask(UUID capsuleId, Ask ask, String askedBy, Consumer<String> tokens);

  /** What {@code tokens} receives when a model failed mid-answer and the next model starts over. */
  String RESTART = "\u0000restart";

  @Requires(Permission.VIEW_CAPSULES)
  List<MessageDto> conversation(UUID capsuleId, UUID conversationId);

  /**
   * Thumbs up (+1) or down (-1) on one of the capsule's answers; the last one counts.
   *
   * @throws NotFoundException for a message of another capsule or tenant
   * @throws IllegalArgumentException for another value, or a message that is not an answer
   */
  @Requires(Permission.VIEW_CAPSULES)
  void feedback(UUID capsuleId, UUID messageId, int value);

  /** The capsule's latest questions the content could not answer, newest first. */
  @Requires(Permission.READ_CONVERSATIONS)
  List<UnansweredDto> unanswered(UUID capsuleId, int max);
}
