package io.encaptio.domain.shared;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * Input that cannot be used as sent (an unknown role, a malformed address); the message says what
 * to fix.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The problem by field, for forms and problem+json. */
  public Map<String, String> problems() {
    return Map.of(field, getMessage());
  }
}
