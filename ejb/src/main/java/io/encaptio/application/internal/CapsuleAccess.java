package io.encaptio.application.internal;

import io.encaptio.application.access.Actor;
import io.encaptio.application.access.Permission;
import io.encaptio.domain.user.Role;
import io.encaptio.domain.user.TeamRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may change one capsule: anyone with {@link Permission#EDIT_CAPSULE}, except that editors may
 * change a capsule of a team only when they are in that team. Admins and owners change every
 * capsule, and the platform itself too.
 */
@ApplicationScoped
public class CapsuleAccess {

  @Inject TeamRepository teams;

  /** Why the actor may not change the capsule, or empty when they may. */
  public Optional<String> refusal(Actor actor, UUID capsuleId) {
    if (!Permission.EDIT_CAPSULE.allows(actor)) {
      return Optional.of(AuthorizationInterceptor.refusal(Permission.EDIT_CAPSULE, actor));
    }
    if (actor.kind() != Actor.Kind.PERSON
        || actor.role().atLeast(Role.ADMIN)
        || capsuleId == null) {
      return Optional.empty();
    }
    Optional<UUID> team = teams.teamOfCapsule(capsuleId);
    if (team.isPresent() && !actor.inTeam(team.get())) {
      return Optional.of(
          "This capsule belongs to a team you are not in; you can read it but not change it."
              + " Ask an admin to add you to its team.");
    }
    return Optional.empty();
  }
}
