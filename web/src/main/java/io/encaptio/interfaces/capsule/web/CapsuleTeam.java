package io.encaptio.interfaces.capsule.web;

import io.encaptio.application.PeopleService;
import io.encaptio.application.PeopleService.TeamDto;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * The team the capsule on the page belongs to: shown to everyone (editors outside it read the
 * capsule only), changed by admins and owners.
 */
@Named
@ViewScoped
public class CapsuleTeam implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB transient PeopleService people;
  @Inject CapsulePage page;
  @Inject transient Access access;

  private TeamDto team;

  /** The chosen team's id as the menu sends it; empty for none. */
  private String selected;

  private List<TeamDto> teams;
  private boolean loaded;

  private void load() {
    if (!loaded) {
      team = people.teamOfCapsule(page.capsuleId()).orElse(null);
      selected = team == null ? "" : team.id().toString();
      teams = access.isAdmin() ? people.teams() : List.of();
      loaded = true;
    }
  }

  public void save() {
    try {
      people.assignCapsule(
          page.capsuleId(),
          selected == null || selected.isBlank() ? null : UUID.fromString(selected));
      loaded = false;
      load();
      PageMessages.inform(
          "Team saved",
          team == null
              ? "Every editor may change this capsule."
              : "Editors outside " + team.name() + " can read this capsule but not change it.");
    } catch (RuntimeException e) {
      PageMessages.failed("The team was not changed", e);
    }
  }

  public TeamDto getTeam() {
    load();
    return team;
  }

  public List<TeamDto> getTeams() {
    load();
    return teams;
  }

  public String getSelected() {
    load();
    return selected;
  }

  public void setSelected(String selected) {
    this.selected = selected;
  }
}
