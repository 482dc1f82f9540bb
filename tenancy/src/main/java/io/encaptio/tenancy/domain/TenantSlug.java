package io.encaptio.tenancy.domain;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The URL-safe, human-chosen identifier of a tenant (equal to its Keycloak organization alias). It
 * is validated here once, so no other code needs to trust it; it still never reaches DDL.
 */
public record TenantSlug(String value) {

  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]{1,61}[a-z0-9]");

  public TenantSlug {
    Objects.requireNonNull(value, "slug");
    if (!VALID.matcher(value).matches()) {
      throw new InvalidTenantException(
          Map.of(
              "slug",
              "A tenant slug has 3 to 63 characters: lower-case letters, digits and hyphens,"
                  + " starting with a letter and not ending with a hyphen; got '"
                  + abbreviate(value)
                  + "'."));
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  @Override
  public String toString() {
    return value;
  }
}
