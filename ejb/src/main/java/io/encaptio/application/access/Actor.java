package io.encaptio.application.access;

import io.encaptio.domain.user.Role;
import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * Who a service call runs for: a person with their role in the organization the call runs as, one
 * of Encaptio's operators, or the platform itself (jobs, start-up). The web layer makes one per
 * request from the verified token and the membership stored in the tenant's schema.
 *
 * @param role the person's role in the current organization; null until their membership is read
 * @param teams the teams of the current organization the person belongs to
 * @param address the client's address as the trusted proxy reported it, when there is a client
 */
public record Actor(
    Kind kind, String subject, String name, Role role, Set<UUID> teams, String address)
    implements Serializable {

  public enum Kind {
    PERSON,
    OPERATOR,
    SYSTEM
  }

  public Actor {
    teams = teams == null ? Set.of() : Set.copyOf(teams);
  }

  /** A signed-in person whose membership has not been read yet. */
  public static Actor person(String subject, String name, String address) {
    return new Actor(Kind.PERSON, subject, name, null, Set.of(), address);
  }

  public static Actor operator(String subject, String name, String address) {
    return new Actor(Kind.OPERATOR, subject, name, null, Set.of(), address);
  }

  /** The platform itself, doing {@code what} (a job's kind, start-up). */
  public static Actor system(String what) {
    return new Actor(Kind.SYSTEM, "system", what, null, Set.of(), null);
  }

  /** This person with their membership in the current organization. */
  public Actor withMembership(Role role, Set<UUID> teams) {
    return new Actor(kind, subject, name, role, teams, address);
  }

  public boolean has(Permission permission) {
    return permission.allows(this);
  }

  public boolean inTeam(UUID team) {
    return team == null || teams.contains(team);
  }
}
