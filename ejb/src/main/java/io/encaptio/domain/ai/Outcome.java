package io.encaptio.domain.ai;

/** How the assistant handled a message; "refused" and weak answers raise an unanswered event. */
public enum Outcome {
  /** Every sentence is supported by a cited passage. */
  ANSWERED,
  /** Some sentences were not supported and were left out; the rest is said with a hedge. */
  HEDGED,
  /** The content has no answer: the capsule's "no answer" text. */
  REFUSED,
  GREETING,
  SMALL_TALK,
  OUT_OF_SCOPE;

  public String dbValue() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
