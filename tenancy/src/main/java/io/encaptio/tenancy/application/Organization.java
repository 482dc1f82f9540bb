package io.encaptio.tenancy.application;

/** An organization as the identity provider knows it; its alias is the tenant's slug. */
public record Organization(String id, String alias, String name, boolean enabled) {

  /** The tenant's display name: the organization's name, or its alias when it has none. */
  public String displayName() {
    return name == null ? alias : name;
  }
}
