package io.encaptio.interfaces.user.web;

import io.encaptio.application.PeopleService;
import io.encaptio.application.PeopleService.PersonDto;
import io.encaptio.application.PeopleService.SeatsDto;
import io.encaptio.application.PeopleService.TeamDto;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.web.PageMessages;
import io.encaptio.interfaces.web.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The People page (admins and owners): members with their role here, status, teams and last
 * sign-in; invitations; teams. The service decides who may do what; the page hides what it would
 * refuse and shows its refusals in its own words.
 */
@Named
@ViewScoped
public class PeopleView implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB transient PeopleService service;
  @Inject transient Access access;

  private List<PersonDto> people;
  private List<TeamDto> teams;
  private SeatsDto seats;

  private String inviteEmail;
  private String inviteName;
  private String inviteRole = "editor";
  private String newTeam;
  private UUID editedTeam;
  private List<String> editedMembers = new ArrayList<>();

  @PostConstruct
  void init() {
    if (access.isAdmin()) {
      reload();
    }
  }

  /** Admins and owners only; others get 403 with the reason. */
  public void requireAdmin() throws IOException {
    if (!access.isAdmin()) {
      Pages.refuse("Only admins and owners of the organization manage its people.");
    }
  }

  private void reload() {
    people = service.people();
    teams = service.teams();
    seats = service.seats();
  }

  public void invite() {
    try {
      PersonDto invited =
          service.invite(new PeopleService.Invitation(inviteEmail, inviteName, inviteRole));
      PageMessages.inform(
          "Invitation sent",
          invited.email()
              + " gets a mail with a link into this organization as "
              + invited.role()
              + ".");
      inviteEmail = null;
      inviteName = null;
      reload();
    } catch (RuntimeException e) {
      PageMessages.failed("Nobody was invited", e, "invite");
    }
  }

  public void changeRole(PersonDto person, String role) {
    act(
        () -> service.changeRole(person.subject(), role),
        "Role changed",
        name(person) + " is " + role + " now.",
        "The role was not changed");
  }

  public void resend(PersonDto person) {
    act(
        () -> service.resendInvitation(person.subject()),
        "Invitation sent again",
        name(person) + " gets a new link.",
        "The invitation was not sent again");
  }

  public void revoke(PersonDto person) {
    act(
        () -> service.revokeInvitation(person.subject()),
        "Invitation withdrawn",
        "The link sent to " + name(person) + " no longer leads here.",
        "The invitation was not withdrawn");
  }

  public void deactivate(PersonDto person) {
    act(
        () -> service.deactivate(person.subject()),
        "Deactivated",
        name(person) + " can no longer sign in to this organization; nothing of theirs is deleted.",
        "Nobody was deactivated");
  }

  public void reactivate(PersonDto person) {
    act(
        () -> service.reactivate(person.subject()),
        "Reactivated",
        name(person) + " can sign in again.",
        "Nobody was reactivated");
  }

  public void remove(PersonDto person) {
    act(
        () -> service.remove(person.subject()),
        "Removed",
        name(person) + " is no longer a member of this organization.",
        "Nobody was removed");
  }

  public void createTeam() {
    try {
      service.createTeam(newTeam);
      PageMessages.inform("Team created", newTeam + " can be given members and capsules.");
      newTeam = null;
      reload();
    } catch (RuntimeException e) {
      PageMessages.failed("No team was created", e, "teams");
    }
  }

  public void editTeam(TeamDto team) {
    editedTeam = team.id();
    editedMembers = new ArrayList<>();
    for (PersonDto p : people) {
      if (p.teams().contains(team.name())) {
        editedMembers.add(p.subject());
      }
    }
  }

  public void saveTeam() {
    act(
        () -> service.changeTeamMembers(editedTeam, Set.copyOf(editedMembers)),
        "Team saved",
        "Its members can change its capsules.",
        "The team was not changed");
    editedTeam = null;
  }

  public void removeTeam(TeamDto team) {
    act(
        () -> service.removeTeam(team.id()),
        "Team removed",
        "Its capsules belong to no team now.",
        "The team was not removed");
  }

  private void act(Runnable action, String done, String detail, String failed) {
    try {
      action.run();
      PageMessages.inform(done, detail);
      reload();
    } catch (RuntimeException e) {
      PageMessages.failed(failed, e);
    }
  }

  private static String name(PersonDto p) {
    return p.displayName() != null ? p.displayName() : p.email();
  }

  /** The roles this person may give: owners give every role, admins every role but owner. */
  public List<String> getGrantableRoles() {
    return access.isOwner()
        ? List.of("owner", "admin", "editor", "analyst", "member")
        : List.of("admin", "editor", "analyst", "member");
  }

  public boolean mayChange(PersonDto person) {
    return access.isOwner() || !"owner".equals(person.role());
  }

  public List<PersonDto> getPeople() {
    return people;
  }

  public List<TeamDto> getTeams() {
    return teams;
  }

  public SeatsDto getSeats() {
    return seats;
  }

  public String getSeatsText() {
    return seats.limit() == null
        ? seats.taken() + " seats taken (the " + seats.plan() + " plan has no seat limit)"
        : seats.taken() + " of " + seats.limit() + " seats of the " + seats.plan() + " plan taken";
  }

  public String getInviteEmail() {
    return inviteEmail;
  }

  public void setInviteEmail(String inviteEmail) {
    this.inviteEmail = inviteEmail;
  }

  public String getInviteName() {
    return inviteName;
  }

  public void setInviteName(String inviteName) {
    this.inviteName = inviteName;
  }

  public String getInviteRole() {
    return inviteRole;
  }

  public void setInviteRole(String inviteRole) {
    this.inviteRole = inviteRole;
  }

  public String getNewTeam() {
    return newTeam;
  }

  public void setNewTeam(String newTeam) {
    this.newTeam = newTeam;
  }

  public UUID getEditedTeam() {
    return editedTeam;
  }

  public List<String> getEditedMembers() {
    return editedMembers;
  }

  public void setEditedMembers(List<String> editedMembers) {
    this.editedMembers = editedMembers;
  }
}
