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
 * DefaultAssistantService#ask}: the settings it is answered with, its conversation, intent and
 * standalone form, and either a cached answer or what retrieval found.
 *
 * @param version the published version answered with, or null for the draft
 * @param conversationId null when the question starts a conversation
 * @param cacheKey null when the answer must not be cached (draft, follow-up, not a question)
 * @param retrieval null unless retrieval ran
 * @param variant the A/B variant answering ("a" without an experiment)
 * @param chain the chat models to try in order (empty: the extractive answer)
 */
public record Prepared(
    UUID capsuleId,
    String capsuleName,
    CapsuleSettings settings,
    Integer version,
    UUID conversationId,
    int nextOrdinal,
    String question,
    String standalone,
    Intent intent,
    String embeddingModel,
    String cacheKey,
    CachedAnswer cached,
    Retrieval retrieval,
    List<ChatPrompt.Turn> history,
    String variant,
    List<ModelCall> chain) {}
