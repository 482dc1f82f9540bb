package io.encaptio.domain.capsule;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/** A capsule change that cannot be made as asked; nothing was changed. */
@ApplicationException(rollback = true)
public class InvalidCapsuleException extends IllegalArgumentException {

  private final transient Map<String, String> problems;

  public InvalidCapsuleException(Map<String, String> problems) {
    super(String.join(" ", problems.values()));
    this.problems = Map.copyOf(problems);
  }

  /** What to fix, by field (name, welcomeMessage, actions[0].url, content, ...). */
  public Map<String, String> problems() {
    return problems;
  }
}
