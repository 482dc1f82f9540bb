package io.encaptio.domain.ai;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A visitor conversation as the inbox lists it: who, where from, when, how many questions, how many
 * the content could not answer, the thumbs, and the lead it produced.
 */
public record ConversationSummary(
    UUID id,
    String channel,
    String startedBy,
    String origin,
    OffsetDateTime startedAt,
    OffsetDateTime lastAt,
    int questions,
    int unanswered,
    int thumbsUp,
    int thumbsDown,
    UUID leadId)
    implements Serializable {}
