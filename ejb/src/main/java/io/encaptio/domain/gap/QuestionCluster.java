package io.encaptio.domain.gap;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A capsule's visitors' questions of one meaning with what became of them: how many were asked,
 * left unanswered (refused, or answered too weakly), disliked, answered; how many in the last seven
 * days and the seven before; the editor's answer, if any.
 *
 * @param label the first question asked
 * @param lastWeek questions asked in the seven days up to the time the counts were taken
 * @param weekBefore questions asked in the seven days before those
 */
public record QuestionCluster(
    UUID id,
    UUID capsuleId,
    String label,
    OffsetDateTime firstAt,
    OffsetDateTime lastAt,
    int questions,
    int unanswered,
    int disliked,
    int answered,
    int lastWeek,
    int weekBefore,
    UUID faqItemId,
    OffsetDateTime answeredAt,
    OffsetDateTime resolvedAt,
    OffsetDateTime dismissedAt) {

  /** Where the cluster stands in the loop. */
  public enum Status {
    /** Visitors were left unanswered (or disliked an answer) and nobody answered it yet. */
    OPEN,
    /** An editor answered it; no visitor has asked it since and been answered. */
    ANSWERED,
    /** A visitor asking it after the editor's answer was answered. */
    RESOLVED,
    /** An editor decided it needs no answer. */
    DISMISSED,
    /** The content answers these questions and nobody disliked an answer. */
    COVERED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Status status() {
    if (dismissedAt != null) {
      return Status.DISMISSED;
    }
    if (resolvedAt != null) {
      return Status.RESOLVED;
    }
    if (answeredAt != null) {
      return Status.ANSWERED;
    }
    return gap() ? Status.OPEN : Status.COVERED;
  }

  /** Some visitor was not answered, or disliked the answer. */
  public boolean gap() {
    return unanswered + disliked > 0;
  }

  /** More questions in the last seven days than in the seven before. */
  public boolean rising() {
    return lastWeek > weekBefore;
  }
}
