package io.encaptio.application.internal;

import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.application.NotFoundException;
import io.encaptio.application.PeopleService;
import io.encaptio.application.access.AccessDeniedException;
import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.shared.ConflictException;
import io.encaptio.domain.shared.InvalidInputException;
import io.encaptio.domain.user.MemberStatus;
import io.encaptio.domain.user.Membership;
import io.encaptio.domain.user.MembershipCache;
import io.encaptio.domain.user.OrganizationSecurity;
import io.encaptio.domain.user.OrganizationSecurityRepository;
import io.encaptio.domain.user.Role;
import io.encaptio.domain.user.Team;
import io.encaptio.domain.user.TeamRepository;
import io.encaptio.domain.user.UserProfile;
import io.encaptio.domain.user.UserProfileRepository;
import io.encaptio.tenancy.application.Evictions;
import io.encaptio.tenancy.application.OrganizationDirectory;
import io.encaptio.tenancy.application.OrganizationMember;
import io.encaptio.tenancy.application.TenantRegistry;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

@Stateless
@Local(PeopleService.class)
public class DefaultPeopleService implements PeopleService {

  private static final Logger LOG = Logger.getLogger(DefaultPeopleService.class.getName());

  /**
   * An address with one @, a dot in the domain and no spaces; the mail server has the last word.
   */
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

  @Inject UserProfileRepository profiles;
  @Inject TeamRepository teams;
  @Inject CapsuleRepository capsules;
  @Inject OrganizationDirectory directory;
  @Inject TenantRegistry registry;
  @Inject AuditTrail audit;
  @Inject Invitations invitations;
  @Inject SeatLimits seatLimits;
  @Inject MembershipCache cache;
  @Inject OrganizationSecurityRepository security;
  @Inject Evictions evictions;

  /**
   * Read for every request: from the cache when it holds the person, else without a transaction.
   */
  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public MembershipDto membership(String subject) {
    Membership membership =
        cache
            .get(subject)
            .orElseGet(
                () -> {
                  Membership read = read(subject);
                  cache.put(subject, read);
                  return read;
                });
    return toDto(membership);
  }

  private static MembershipDto toDto(Membership m) {
    return new MembershipDto(
        m.role(), m.status(), m.teams(), m.requiredProvider(), m.requiredDomain());
  }

  private Membership read(String subject) {
    OrganizationSecurity rules = security.get();
    String provider = rules.ssoRequired() ? rules.ssoAlias() : null;
    String domain = rules.ssoRequired() ? rules.ssoDomain() : null;
    Optional<UserProfile> profile = profiles.find(subject);
    if (profile.isPresent()) {
      UserProfile p = profile.get();
      return new Membership(
          p.role().label(), p.status().label(), profiles.teamsOf(subject), provider, domain);
    }
    return new Membership(
        impliedRole(subject).label(), MemberStatus.ACTIVE.label(), Set.of(), provider, domain);
  }

  /** The role of a member with no row yet: owner for the first owner an operator named. */
  private Role impliedRole(String subject) {
    String slug = TenantContext.current().slug();
    return registry.ownerSubject(slug).filter(subject::equals).isPresent()
        ? Role.OWNER
        : Role.MEMBER;
  }

  @Override
  public MembershipDto recordSignIn(SignIn signIn) {
    Membership current = read(signIn.subject());
    if (MemberStatus.valueOf(current.status().toUpperCase(Locale.ROOT)).refused()
        || toDto(current).refusesSignIn(signIn.email(), signIn.identityProvider())) {
      return toDto(current); // refused: nothing recorded, no row made
    }
    UserProfile profile =
        profiles
            .find(signIn.subject())
            .orElseGet(
                () -> {
                  UserProfile created =
                      UserProfile.firstSeen(
                          signIn.subject(), signIn.username(), impliedRole(signIn.subject()));
                  profiles.add(created);
                  LOG.info(() -> "First sign-in of " + signIn.username());
                  return created;
                });
    profile.signedIn(signIn.username(), signIn.displayName(), signIn.email());
    audit.record("member.signed_in", signIn.username(), null, null);
    if (security.get().mfaRequired() && directory.requireOtp(signIn.subject())) {
      LOG.info(() -> signIn.username() + " is asked to set up a second factor at next sign-in");
    }
    forget(signIn.subject());
    profiles.flush();
    Membership membership = read(signIn.subject());
    return toDto(membership);
  }

  @Override
  public List<PersonDto> people() {
    Map<String, PersonDto> people = new LinkedHashMap<>();
    Map<UUID, String> teamNames = teamNames();
    Map<String, Set<UUID>> teamsByMember = teams.teamsByMember();
    Set<String> removed = new java.util.HashSet<>();
    for (UserProfile p : profiles.all()) {
      if (p.status() == MemberStatus.REMOVED) {
        removed.add(p.subject());
      } else {
        people.put(
            p.subject(), toDto(p, teamNames, teamsByMember.getOrDefault(p.subject(), Set.of())));
      }
    }
    String owner = registry.ownerSubject(TenantContext.current().slug()).orElse(null);
    for (OrganizationMember m : directory.members(organizationId())) {
      if (!removed.contains(m.id())) {
        people.computeIfAbsent(m.id(), id -> notSignedIn(m, owner));
      }
    }
    List<PersonDto> sorted = new ArrayList<>(people.values());
    sorted.sort(
        Comparator.comparing(
            (PersonDto p) -> String.valueOf(p.displayName()).toLowerCase(Locale.ROOT)));
    return sorted;
  }

  @Override
  public PersonDto person(String subject) {
    return toDto(require(subject), teamNames());
  }

  @Override
  public SeatsDto seats() {
    String plan = TenantContext.current().plan();
    Set<String> known = new java.util.HashSet<>();
    profiles.all().forEach(p -> known.add(p.subject()));
    long notSignedIn =
        directory.members(organizationId()).stream().filter(m -> !known.contains(m.id())).count();
    return new SeatsDto(profiles.seatsTaken() + notSignedIn, seatLimits.of(plan), plan);
  }

  @Override
  public PersonDto invite(Invitation invitation) {
    String email = validEmail(invitation.email());
    Role role = Role.of(invitation.role());
    requireMayGrant(role);
    Optional<UserProfile> existing =
        profiles.findByEmail(email).filter(p -> p.status() != MemberStatus.REMOVED);
    if (existing.isPresent()) {
      throw new ConflictException(
          email
              + " is a member of this organization already ("
              + existing.get().status().label()
              + ", "
              + existing.get().role().label()
              + "); change their role instead.");
    }
    requireFreeSeat();
    String name = invitation.name() == null ? "" : invitation.name().strip();
    OrganizationDirectory.Invitee invitee = directory.ensureMember(organizationId(), email, name);
    Optional<UserProfile> before = profiles.find(invitee.userId());
    boolean comesBack = before.filter(p -> p.status() == MemberStatus.REMOVED).isPresent();
    if (invitee.wasMember() || (before.isPresent() && !comesBack)) {
      throw new ConflictException(
          email + " is a member of this organization already; change their role instead.");
    }
    UserProfile profile;
    if (comesBack) {
      profile = before.get();
      profile.invitedAgain(role, actorName(), invitee.created());
    } else {
      profile =
          UserProfile.invited(
              invitee.userId(),
              email,
              name.isEmpty() ? null : name,
              role,
              actorName(),
              invitee.created());
      profiles.add(profile);
    }
    forget(profile.subject());
    sendInvitation(profile);
    audit.record("member.invited", email, null, "as " + role.label());
    return toDto(profile, teamNames());
  }

  @Override
  public PersonDto resendInvitation(String subject) {
    UserProfile profile = require(subject);
    if (profile.status() != MemberStatus.INVITED) {
      throw new ConflictException(
          "Only a pending invitation can be sent again; this person is "
              + profile.status().label()
              + ".");
    }
    requireMayGrant(profile.role());
    profile.reinvited(actorName());
    sendInvitation(profile);
    audit.record("member.invitation_resent", profile.email(), null, null);
    return toDto(profile, teamNames());
  }

  @Override
  public void revokeInvitation(String subject) {
    UserProfile profile = require(subject);
    if (profile.status() != MemberStatus.INVITED) {
      throw new ConflictException(
          "This person has accepted the invitation already; remove them from the organization"
              + " instead.");
    }
    requireMayGrant(profile.role());
    profile.removed();
    teams.removeFromAll(subject);
    forget(subject);
    directory.removeMember(organizationId(), subject);
    audit.recordChange("member.invitation_revoked", profile.email(), profile.role().label(), null);
  }

  @Override
  public PersonDto changeRole(String subject, String role) {
    Role next = Role.of(role);
    UserProfile profile = require(subject);
    Role before = profile.role();
    if (before == next) {
      return toDto(profile, teamNames());
    }
    requireMayGrant(before);
    requireMayGrant(next);
    if (before == Role.OWNER) {
      requireAnotherOwner(profile, "take the owner role from");
    }
    profile.changeRole(next);
    forget(subject);
    audit.recordChange("member.role_changed", name(profile), before.label(), next.label());
    return toDto(profile, teamNames());
  }

  @Override
  public PersonDto deactivate(String subject) {
    UserProfile profile = require(subject);
    if (subject.equals(ActorContext.find().map(Actor::subject).orElse(null))) {
      throw new ConflictException("You cannot deactivate yourself; ask another admin.");
    }
    requireMayGrant(profile.role());
    if (profile.role() == Role.OWNER) {
      requireAnotherOwner(profile, "deactivate");
    }
    MemberStatus before = profile.status();
    profile.deactivate();
    forget(subject);
    audit.recordChange("member.deactivated", name(profile), before.label(), "deactivated");
    return toDto(profile, teamNames());
  }

  @Override
  public PersonDto reactivate(String subject) {
    UserProfile profile = require(subject);
    if (profile.status() != MemberStatus.DEACTIVATED) {
      return toDto(profile, teamNames());
    }
    requireMayGrant(profile.role());
    requireFreeSeat();
    profile.reactivate();
    forget(subject);
    audit.recordChange(
        "member.reactivated", name(profile), "deactivated", profile.status().label());
    return toDto(profile, teamNames());
  }

  @Override
  public void remove(String subject) {
    UserProfile profile = require(subject);
    requireMayGrant(profile.role());
    if (profile.role() == Role.OWNER) {
      requireAnotherOwner(profile, "remove");
    }
    profile.removed();
    teams.removeFromAll(subject);
    forget(subject);
    boolean accountDeleted = directory.removeMember(organizationId(), subject);
    audit.record(
        "member.removed",
        name(profile),
        null,
        accountDeleted
            ? "account deleted (it belonged to no other organization)"
            : "account kept (it belongs to other organizations)");
  }

  @Override
  public List<TeamDto> teams() {
    return teams.all().stream().map(this::toDto).toList();
  }

  @Override
  public TeamDto createTeam(String name) {
    Team team = Team.named(name);
    if (teams.findByName(team.name()).isPresent()) {
      throw new ConflictException("There is a team named '" + team.name() + "' already.");
    }
    teams.add(team);
    audit.record("team.created", team.name(), null, null);
    return toDto(team);
  }

  @Override
  public TeamDto changeTeamMembers(UUID teamId, Set<String> subjects) {
    Team team = requireTeam(teamId);
    Set<String> before = teams.members(teamId);
    for (String subject : subjects) {
      if (subject == null || subject.isBlank()) {
        throw new InvalidInputException("members", "Name each member by their id; one is empty.");
      }
      require(subject);
    }
    teams.replaceMembers(teamId, Set.copyOf(subjects));
    before.forEach(this::forget);
    subjects.forEach(this::forget);
    audit.recordChange(
        "team.members_changed", team.name(), before, new java.util.TreeSet<>(subjects));
    return toDto(team);
  }

  @Override
  public void removeTeam(UUID teamId) {
    Team team = requireTeam(teamId);
    teams.members(teamId).forEach(this::forget);
    teams.remove(team);
    audit.record("team.removed", team.name(), null, null);
  }

  @Override
  public Optional<TeamDto> teamOfCapsule(UUID capsuleId) {
    return teams.teamOfCapsule(capsuleId).flatMap(teams::find).map(this::toDto);
  }

  @Override
  public void assignCapsule(UUID capsuleId, UUID teamId) {
    capsules.find(capsuleId).orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
    String before = teams.teamOfCapsule(capsuleId).map(this::teamName).orElse("no team");
    String after = teamId == null ? "no team" : requireTeam(teamId).name();
    teams.assignCapsule(capsuleId, teamId);
    audit.record("capsule.team_changed", capsuleId.toString(), capsuleId, before + " → " + after);
  }

  /**
   * The person's row; a member of the organization in the identity provider without one gets it now
   * (with the role they hold implicitly). Anyone else is unknown here.
   */
  private UserProfile require(String subject) {
    if (subject == null || subject.isBlank()) {
      throw new NotFoundException("Name a person of this organization.");
    }
    Optional<UserProfile> row = profiles.find(subject);
    if (row.isPresent()) {
      if (row.get().status() == MemberStatus.REMOVED) {
        throw new NotFoundException("No person " + subject + " in this organization.");
      }
      return row.get();
    }
    OrganizationMember member =
        directory.members(organizationId()).stream()
            .filter(m -> m.id().equals(subject))
            .findFirst()
            .orElseThrow(
                () -> new NotFoundException("No person " + subject + " in this organization."));
    UserProfile created =
        UserProfile.fromDirectory(
            member.id(),
            member.username(),
            member.email(),
            member.displayName(),
            impliedRole(subject));
    profiles.add(created);
    return created;
  }

  private Team requireTeam(UUID teamId) {
    return teams
        .find(teamId)
        .orElseThrow(() -> new NotFoundException("No team " + teamId + " in this organization."));
  }

  private String teamName(UUID teamId) {
    return teams.find(teamId).map(Team::name).orElse("a removed team");
  }

  /** Forgets the person's cached membership now and once the transaction has ended. */
  private void forget(String subject) {
    evictions.evict(() -> cache.forget(subject));
  }

  /** Owners give and take the owner role; admins every other role. */
  private static void requireMayGrant(Role role) {
    Actor actor = ActorContext.find().orElseThrow();
    if (actor.kind() != Actor.Kind.PERSON) {
      return; // the platform itself (migrations, provisioning)
    }
    if (actor.role() == null || !actor.role().atLeast(role.grantedBy())) {
      throw new AccessDeniedException(
          "Only "
              + (role.grantedBy() == Role.OWNER ? "owners" : "admins and owners")
              + " may change the membership of "
              + (role == Role.OWNER ? "an owner" : "a " + role.label())
              + ".");
    }
  }

  private void requireAnotherOwner(UserProfile owner, String what) {
    if (owner.status() == MemberStatus.ACTIVE && profiles.countActiveWithRole(Role.OWNER) <= 1) {
      throw new ConflictException(
          "You cannot "
              + what
              + " the last owner of this organization; make someone else owner first.");
    }
  }

  private void requireFreeSeat() {
    SeatsDto seats = seats();
    if (seats.full()) {
      throw new ConflictException(
          "All "
              + seats.limit()
              + " seats of the "
              + seats.plan()
              + " plan are taken; deactivate or remove someone, or move to a larger plan.");
    }
  }

  private static String validEmail(String email) {
    String cleaned = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (cleaned.length() > 254 || !EMAIL.matcher(cleaned).matches()) {
      throw new InvalidInputException(
          "email", "'" + email + "' is not an e-mail address; write it as name@example.com.");
    }
    return cleaned;
  }

  private void sendInvitation(UserProfile profile) {
    invitations.send(
        TenantContext.current(),
        profile.subject(),
        profile.email(),
        profile.invitationSetsPassword(),
        profile.role().label(),
        actorName());
  }

  private String organizationId() {
    return CurrentOrganization.id(registry);
  }

  private static String actorName() {
    return ActorContext.find().map(Actor::name).orElse("Encaptio");
  }

  private static String name(UserProfile p) {
    return p.email() != null ? p.email() : p.username();
  }

  private Map<UUID, String> teamNames() {
    Map<UUID, String> names = new HashMap<>();
    teams.all().forEach(t -> names.put(t.id(), t.name()));
    return names;
  }

  private PersonDto toDto(UserProfile p, Map<UUID, String> teamNames) {
    return toDto(p, teamNames, profiles.teamsOf(p.subject()));
  }

  private static PersonDto toDto(UserProfile p, Map<UUID, String> teamNames, Set<UUID> teams) {
    return new PersonDto(
        p.subject(),
        p.username(),
        p.displayName(),
        p.email(),
        p.role().label(),
        p.status().label(),
        teams.stream().map(teamNames::get).sorted().toList(),
        p.invitedAt(),
        p.invitedBy(),
        p.signInCount() == 0 ? null : p.lastSeenAt(),
        p.signInCount());
  }

  private static PersonDto notSignedIn(OrganizationMember m, String ownerSubject) {
    return new PersonDto(
        m.id(),
        m.username(),
        m.displayName(),
        m.email(),
        (m.id().equals(ownerSubject) ? Role.OWNER : Role.MEMBER).label(),
        MemberStatus.ACTIVE.label(),
        List.of(),
        null,
        null,
        null,
        0);
  }

  private TeamDto toDto(Team team) {
    List<String> members = new ArrayList<>();
    for (String subject : teams.members(team.id())) {
      members.add(profiles.find(subject).map(DefaultPeopleService::name).orElse(subject));
    }
    members.sort(String.CASE_INSENSITIVE_ORDER);
    return new TeamDto(team.id(), team.name(), members, teams.capsuleCount(team.id()));
  }
}
