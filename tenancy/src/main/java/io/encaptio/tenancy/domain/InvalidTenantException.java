package io.encaptio.tenancy.domain;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A tenant request that cannot be carried out as asked (a provisioning request, a suspension
 * reason, an import archive); nothing was changed. What to fix is said per field.
 */
@ApplicationException(rollback = true)
public class InvalidTenantException extends IllegalArgumentException {

  private final transient Map<String, String> problems;

  public InvalidTenantException(Map<String, String> problems) {
    super(String.join(" ", problems.values()));
    this.problems = Map.copyOf(problems);
  }

  /** What to fix, by field (slug, name, ownerEmail, ownerName, reason, archive, ...). */
  public Map<String, String> problems() {
    return problems;
  }
}
