package io.encaptio.application.internal;

import io.encaptio.domain.ai.CachedAnswer;
import io.encaptio.domain.ai.ChatPrompt;
import io.encaptio.domain.ai.Intent;
import io.encaptio.domain.ai.ModelCall;
import io.encaptio.domain.ai.Retrieval;
import io.encaptio.domain.capsule.CapsuleSettings;
import java.util.List;
import java.util.UUID;

/**
 * A question made ready to be answered, inside the first transaction of {@link
 * DefaultAssistantService#ask}: who answers and with what ({@link Assistant}), the question in its
 * conversation ({@link Question}), and what it is answered from ({@link Sources}).
 */
public record Prepared(Assistant assistant, Question question, Sources sources) {

  /**
   * The capsule's assistant as it answers this question.
   *
   * @param settings the settings of the version answering (or of the draft)
   * @param version the published version answering, or null for the draft
   * @param embeddingModel the model the capsule's content is indexed with (its tokenizer counts the
   *     passages an answer reads)
   * @param variant the A/B variant answering ("a" without an experiment)
   * @param chain the chat models to try in order (empty: the extractive answer)
   */
  public record Assistant(
      UUID capsuleId,
      String capsuleName,
      CapsuleSettings settings,
      Integer version,
      String embeddingModel,
      String variant,
      List<ModelCall> chain) {}

  /**
   * The question in its conversation.
   *
   * @param conversationId null when the question starts a conversation
   * @param nextOrdinal the question's place in the conversation
   * @param text the question as asked
   * @param standalone the question retrieval reads: a follow-up made standalone
   * @param history the last messages of the conversation, for a chat model
   */
  public record Question(
      UUID conversationId,
      int nextOrdinal,
      String text,
      String standalone,
      Intent intent,
      List<ChatPrompt.Turn> history) {

    public boolean isQuestion() {
      return intent == Intent.QUESTION;
    }
  }

  /**
   * What the answer is made from: a cached answer, or the passages retrieval found.
   *
   * @param cacheKey null when the answer must not be cached (draft, follow-up, not a question)
   * @param cached the answer the cache had, or null
   * @param retrieval null unless retrieval ran
   */
  public record Sources(String cacheKey, CachedAnswer cached, Retrieval retrieval) {

    /** Greetings and small talk need none. */
    static final Sources NONE = new Sources(null, null, null);
  }
}
