package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.TenantSlug;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What an operator says to provision a tenant. */
public record NewTenant(
    String slug, String name, String plan, String ownerEmail, String ownerName) {

  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  static final int MAX_NAME = 200;

  /** Every problem with the request, by field, each saying what to fix; empty when valid. */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    try {
      new TenantSlug(slug == null ? "" : slug);
    } catch (IllegalArgumentException e) {
      problems.put("slug", e.getMessage());
    }
    if (name == null || name.isBlank()) {
      problems.put("name", "Give the organization a name.");
    } else if (name.strip().length() > MAX_NAME) {
      problems.put(
          "name",
          "The name has " + name.strip().length() + " characters; at most " + MAX_NAME + ".");
    }
    if (ownerEmail == null || ownerEmail.length() > 320 || !EMAIL.matcher(ownerEmail).matches()) {
      problems.put("ownerEmail", "Give the owner's e-mail address, like owner@example.com.");
    }
    if (ownerName == null || ownerName.isBlank() || ownerName.length() > 200) {
      problems.put("ownerName", "Give the owner's name, 1 to 200 characters.");
    }
    return problems;
  }
}
