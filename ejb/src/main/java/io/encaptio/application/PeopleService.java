package io.encaptio.application;

import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The current organization's people: their membership (role and status, which hold in this
 * organization only), invitations, and teams. People are identified by their identity provider id
 * ({@code subject}); a subject that is not a member of this organization is unknown here (404).
 */
public interface PeopleService {

  /**
   * The caller's own membership, read at the start of each request to learn their role here. A
   * member of the organization with no row yet is a member (the first owner: owner), not stored.
   */
  @Requires(Permission.SIGN_IN)
  MembershipDto membership(String subject);

  /**
   * Records the first request of a portal session: the person's profile is refreshed, an invited
   * person becomes active, and the sign-in is audited. A deactivated person is not signed in.
   */
  @Requires(Permission.SIGN_IN)
  MembershipDto recordSignIn(SignIn signIn);

  /** Everyone of the organization: members with a row and the identity provider's members. */
  @Requires(Permission.MANAGE_PEOPLE)
  List<PersonDto> people();

  @Requires(Permission.MANAGE_PEOPLE)
  PersonDto person(String subject);

  /** Seats taken (invited and active people) against the plan's seats. */
  @Requires(Permission.MANAGE_PEOPLE)
  SeatsDto seats();

  /**
   * Invites a person by e-mail with a role: their account is created if missing and a mail with a
   * link that sets their password (or, for an existing account, signs them in) is sent.
   */
  @Requires(Permission.MANAGE_PEOPLE)
  PersonDto invite(Invitation invitation);

  @Requires(Permission.MANAGE_PEOPLE)
  PersonDto resendInvitation(String subject);

  /** Withdraws an invitation not yet accepted: the person is no longer a member here. */
  @Requires(Permission.MANAGE_PEOPLE)
  void revokeInvitation(String subject);

  @Requires(Permission.MANAGE_PEOPLE)
  PersonDto changeRole(String subject, String role);

  @Requires(Permission.MANAGE_PEOPLE)
  PersonDto deactivate(String subject);

  @Requires(Permission.MANAGE_PEOPLE)
  PersonDto reactivate(String subject);

  /**
   * Removes the person from the organization; their account survives when it belongs to other
   * organizations.
   */
  @Requires(Permission.MANAGE_PEOPLE)
  void remove(String subject);

  @Requires(Permission.VIEW_CAPSULES)
  List<TeamDto> teams();

  @Requires(Permission.MANAGE_PEOPLE)
  TeamDto createTeam(String name);

  /** Replaces the team's members with these people of the organization. */
  @Requires(Permission.MANAGE_PEOPLE)
  TeamDto changeTeamMembers(UUID teamId, Set<String> subjects);

  @Requires(Permission.MANAGE_PEOPLE)
  void removeTeam(UUID teamId);

  /** The team the capsule belongs to, if any. */
  @Requires(Permission.VIEW_CAPSULES)
  java.util.Optional<TeamDto> teamOfCapsule(UUID capsuleId);

  /** Puts the capsule in a team (editors outside it then only read it), or in none (null). */
  @Requires(Permission.MANAGE_PEOPLE)
  void assignCapsule(UUID capsuleId, UUID teamId);

  /**
   * What the identity provider says about a person signing in, and the identity provider the
   * sign-in was brokered through (null: a password).
   */
  record SignIn(
      String subject, String username, String displayName, String email, String identityProvider) {

    public SignIn(String subject, String username, String displayName, String email) {
      this(subject, username, displayName, email, null);
    }
  }

  record Invitation(String email, String name, String role) implements Serializable {}

  /**
   * The caller's membership: their role, status and teams in the current organization, and the
   * identity provider people of {@code requiredDomain} must sign in through (null: none required).
   */
  record MembershipDto(
      String role, String status, Set<UUID> teams, String requiredProvider, String requiredDomain)
      implements Serializable {
    /** Deactivated or removed: the person's requests are refused. */
    public boolean refused() {
      return "deactivated".equals(status) || "removed".equals(status);
    }

    /** Whether a sign-in of this address that came through {@code provider} breaks the rule. */
    public boolean refusesSignIn(String email, String provider) {
      return requiredDomain != null
          && email != null
          && email.toLowerCase(java.util.Locale.ROOT).endsWith("@" + requiredDomain)
          && !requiredProvider.equals(provider);
    }
  }

  /** A person of the organization as the People page and the API show them. */
  record PersonDto(
      String subject,
      String username,
      String displayName,
      String email,
      String role,
      String status,
      List<String> teams,
      OffsetDateTime invitedAt,
      String invitedBy,
      OffsetDateTime lastSignInAt,
      int signInCount)
      implements Serializable {}

  record SeatsDto(long taken, Integer limit, String plan) implements Serializable {
    public boolean full() {
      return limit != null && taken >= limit;
    }
  }

  record TeamDto(UUID id, String name, List<String> members, long capsules)
      implements Serializable {}
}
