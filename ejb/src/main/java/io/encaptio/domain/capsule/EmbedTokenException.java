package io.encaptio.domain.capsule;

import jakarta.ejb.ApplicationException;

/** An embed token a capsule refuses, with the reason its problem type names. */
@ApplicationException(rollback = true)
public class EmbedTokenException extends RuntimeException {

  /** Why: each is a problem type of the public API (embed-token-…). */
  public enum Reason {
    MISSING("embed-token-required"),
    INVALID("embed-token-invalid"),
    EXPIRED("embed-token-expired"),
    WRONG_CAPSULE("embed-token-wrong-capsule");

    private final String slug;

    Reason(String slug) {
      this.slug = slug;
    }

    public String slug() {
      return slug;
    }
  }

  private final Reason reason;

  public EmbedTokenException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
