package io.encaptio.tenancy.application;

import java.util.Map;

/**
 * An organization as the identity provider knows it; its alias is the tenant's slug.
 *
 * @param initialRoles roles by username that an organization made in the identity provider (not
 *     provisioned by Encaptio) gives its first people, from its {@value #INITIAL_ROLES} attribute
 *     ({@code alice.acme=owner}); granted once to members who have no role here yet
 */
public record Organization(
    String id, String alias, String name, boolean enabled, Map<String, String> initialRoles) {

  public static final String INITIAL_ROLES = "encaptio-initial-roles";

  public Organization {
    initialRoles = initialRoles == null ? Map.of() : Map.copyOf(initialRoles);
  }

  public Organization(String id, String alias, String name, boolean enabled) {
    this(id, alias, name, enabled, Map.of());
  }

  /** The tenant's display name: the organization's name, or its alias when it has none. */
  public String displayName() {
    return name == null ? alias : name;
  }
}
