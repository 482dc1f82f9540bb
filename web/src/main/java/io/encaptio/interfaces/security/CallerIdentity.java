package io.encaptio.interfaces.security;

import java.io.Serializable;
import java.util.Set;

/** The signed-in person as the verified token describes them. */
public record CallerIdentity(
    String subject,
    String username,
    String givenName,
    String familyName,
    String email,
    Set<String> roles,
    Set<String> organizations)
    implements Serializable {

  public String displayName() {
    String name =
        ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName))
            .strip();
    return name.isEmpty() ? username : name;
  }

  /** Owners and editors build capsules; other members of an organization only look. */
  public boolean canEditCapsules() {
    return roles.contains("owner") || roles.contains("editor");
  }

  /** Owners administer the organization: its chat models and their keys, among others. */
  public boolean isOwner() {
    return roles.contains("owner");
  }

  public boolean isPlatformOperator() {
    return roles.contains("platform-operator");
  }
}
