package io.encaptio.domain.ai;

import java.io.Serializable;

/** An answer as the cache keeps it: what it said, how, and what making it cost. */
public record CachedAnswer(AnswerText answer, Outcome outcome, Usage usage)
    implements Serializable {}
