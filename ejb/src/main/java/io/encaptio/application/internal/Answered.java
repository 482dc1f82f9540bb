package io.encaptio.application.internal;

import io.encaptio.domain.ai.AnswerText;
import io.encaptio.domain.ai.Outcome;
import io.encaptio.domain.ai.Usage;
import java.util.List;

/**
 * An answer after post-processing, as it is stored, cached and returned.
 *
 * @param fallbacks why each chat model that did not answer failed, in the order tried
 * @param weak the answer gate found no sentence in the passages that answers the question (an
 *     unanswered event even when a model answered)
 */
public record Answered(
    AnswerText answer,
    Outcome outcome,
    Usage usage,
    List<String> unsupported,
    boolean cached,
    List<String> fallbacks,
    boolean weak) {

  Answered withFallbacks(List<String> failures) {
    return new Answered(answer, outcome, usage, unsupported, cached, List.copyOf(failures), weak);
  }
}
