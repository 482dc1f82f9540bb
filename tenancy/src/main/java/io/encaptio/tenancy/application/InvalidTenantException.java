package io.encaptio.tenancy.application;

import java.util.Map;

/** A provisioning request that cannot be carried out; nothing was created. */
public class InvalidTenantException extends RuntimeException {

  private final transient Map<String, String> problems;

  public InvalidTenantException(Map<String, String> problems) {
    super(String.join(" ", problems.values()));
    this.problems = Map.copyOf(problems);
  }

  /** What to fix, by field (slug, name, ownerEmail, ownerName). */
  public Map<String, String> problems() {
    return problems;
  }
}
