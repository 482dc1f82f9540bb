package io.encaptio.domain.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Which of the current tenant's capsules need someone: failures, stale sources, rising gaps. */
public interface CapsuleHealth {

  /**
   * @param risingGaps open unanswered clusters asked more in the 7 days before {@code now} than in
   *     the 7 before those
   */
  record Attention(
      UUID capsuleId, String name, long failedItems, long staleSources, long risingGaps) {}

  /** Capsules (not deleted) with anything to see to, the most first. */
  List<Attention> needingAttention(Instant now, int max);
}
