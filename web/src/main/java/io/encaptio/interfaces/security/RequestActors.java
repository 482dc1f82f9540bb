package io.encaptio.interfaces.security;

import io.encaptio.application.PeopleService;
import io.encaptio.application.PeopleService.MembershipDto;
import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.domain.user.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;

/**
 * The actor of a request: the verified token says who the person is, the tenant's schema what role
 * they hold in the organization the request runs as. The client address is the one Liberty's {@code
 * remoteIp} reports (the client behind a trusted proxy, else the peer).
 */
@ApplicationScoped
public class RequestActors {

  @EJB PeopleService people;

  /** A person of the request's tenant with their membership read by {@code lookUp}. */
  public Resolved person(
      CallerIdentity identity,
      HttpServletRequest request,
      Function<PeopleService, MembershipDto> lookUp) {
    Actor unresolved =
        Actor.person(identity.subject(), identity.displayName(), request.getRemoteAddr());
    MembershipDto membership = ActorContext.supplyAs(unresolved, () -> lookUp.apply(people));
    return new Resolved(
        unresolved.withMembership(Role.of(membership.role()), membership.teams()),
        membership.deactivated());
  }

  public Actor operator(CallerIdentity identity, HttpServletRequest request) {
    return Actor.operator(identity.subject(), identity.displayName(), request.getRemoteAddr());
  }

  /** The actor, and whether their membership is deactivated (the request is then refused). */
  public record Resolved(Actor actor, boolean deactivated) {}

  /** The refusal a deactivated member reads. */
  public static String deactivatedMessage(String organization) {
    return "Your membership of "
        + organization
        + " is deactivated; ask an admin of the organization to reactivate it.";
  }
}
