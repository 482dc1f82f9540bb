package io.encaptio.domain.user;

import java.util.Set;
import java.util.UUID;

/**
 * A person's role, status and teams in the current organization, as a request needs them, and the
 * organization's own identity provider when its sign-in is required for the person's domain.
 *
 * @param requiredProvider the alias of the provider people of {@code requiredDomain} must sign in
 *     through; null when the organization requires none
 */
public record Membership(
    String role, String status, Set<UUID> teams, String requiredProvider, String requiredDomain) {

  public Membership {
    teams = teams == null ? Set.of() : Set.copyOf(teams);
  }
}
