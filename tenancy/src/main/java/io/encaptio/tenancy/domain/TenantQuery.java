package io.encaptio.tenancy.domain;

import java.util.Map;

/**
 * One page of the tenant list: an optional text that slug or name contain, an optional status, the
 * order and the window.
 */
public record TenantQuery(
    String text, TenantStatus status, Sort sort, boolean ascending, int first, int max) {

  /** The columns a tenant list can be ordered by. */
  public enum Sort {
    SLUG("slug"),
    NAME("displayName"),
    STATUS("status"),
    CREATED("createdAt");

    private final String attribute;

    Sort(String attribute) {
      this.attribute = attribute;
    }

    public String attribute() {
      return attribute;
    }
  }

  public TenantQuery {
    if (first < 0 || max < 1 || max > 500) {
      throw new InvalidTenantException(
          Map.of("max", "A page starts at 0 or later and holds 1 to 500 tenants."));
    }
    sort = sort == null ? Sort.SLUG : sort;
    text = text == null || text.isBlank() ? null : text.strip();
  }
}
