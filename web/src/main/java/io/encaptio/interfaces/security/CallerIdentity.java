package io.encaptio.interfaces.security;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in person as the verified token describes them. {@code roles} are realm-wide roles
 * (only {@code platform-operator} means anything); a person's role in an organization is not in the
 * token but in that tenant's schema (see {@link Access}).
 */
public record CallerIdentity(
    String subject,
    String username,
    String givenName,
    String familyName,
    String email,
    Set<String> roles,
    Set<String> organizations,
    String identityProvider)
    implements Serializable {

  public String displayName() {
    String name =
        ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName))
            .strip();
    return name.isEmpty() ? username : name;
  }

  public boolean isPlatformOperator() {
    return roles.contains("platform-operator");
  }
}
