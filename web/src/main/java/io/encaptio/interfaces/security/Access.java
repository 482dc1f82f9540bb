package io.encaptio.interfaces.security;

import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.application.access.Permission;
import io.encaptio.domain.user.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * What the request's actor may do, for screens to hide what a role may not do ({@code
 * #{access.editor}}). The services refuse it anyway: this only spares people buttons that would be
 * refused. Reads the same permissions the services check.
 */
@Named("access")
@RequestScoped
public class Access {

  public Optional<Actor> actor() {
    return ActorContext.find();
  }

  public boolean can(Permission permission) {
    return permission.allows(actor().orElse(null));
  }

  /** Is a person of the organization, whatever their role. */
  public boolean isMember() {
    return can(Permission.VIEW_CAPSULES);
  }

  /** May create capsules (editors, admins, owners). */
  public boolean isEditor() {
    return can(Permission.CREATE_CAPSULES);
  }

  /** May read conversations, leads and analytics (analysts and above). */
  public boolean isAnalyst() {
    return can(Permission.READ_CONVERSATIONS);
  }

  /** May manage people, teams, the organization's chat models and secrets (admins, owners). */
  public boolean isAdmin() {
    return can(Permission.MANAGE_PEOPLE);
  }

  public boolean isOwner() {
    return role().filter(r -> r == Role.OWNER).isPresent();
  }

  public Optional<Role> role() {
    return actor().map(Actor::role);
  }

  /** The person's role here in words, never the identity provider's internal role names. */
  public String getRoleDescription() {
    if (actor().filter(a -> a.kind() == Actor.Kind.OPERATOR).isPresent()) {
      return "Platform operator: runs the tenants";
    }
    return role().map(Access::describe).orElse("No role in this organization");
  }

  static String describe(Role role) {
    return switch (role) {
      case OWNER -> "Owner: runs the organization, its people and owners, and builds capsules";
      case ADMIN -> "Admin: manages people, teams, chat models and secrets, and builds capsules";
      case EDITOR -> "Editor: builds and publishes capsules";
      case ANALYST -> "Analyst: reads conversations, leads and analytics; changes nothing";
      case MEMBER -> "Member: reads capsules, changes nothing";
    };
  }
}
