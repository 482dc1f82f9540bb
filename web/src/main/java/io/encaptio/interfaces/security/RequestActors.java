package io.encaptio.interfaces.security;

import io.encaptio.application.PeopleService;
import io.encaptio.application.PeopleService.MembershipDto;
import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.domain.user.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The actor of a request: the verified token says who the person is, the tenant's schema what role
 * they hold in the organization the request runs as. The client address is the one Liberty's {@code
 * remoteIp} reports (the client behind a trusted proxy, else the peer).
 */
@ApplicationScoped
public class RequestActors {

  @EJB PeopleService people;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  private volatile Timer memberships;

  /** A person of the request's tenant with their membership read by {@code lookUp}. */
  public Resolved person(
      CallerIdentity identity,
      HttpServletRequest request,
      Function<PeopleService, MembershipDto> lookUp) {
    Actor unresolved =
        Actor.person(identity.subject(), identity.displayName(), request.getRemoteAddr());
    long started = System.nanoTime();
    MembershipDto membership = ActorContext.supplyAs(unresolved, () -> lookUp.apply(people));
    timer().update(Duration.ofNanos(System.nanoTime() - started));
    String refusal = null;
    if (membership.refused()) {
      refusal = membership.status();
    } else if (membership.refusesSignIn(identity.email(), identity.identityProvider())) {
      refusal = "sso";
    }
    return new Resolved(
        unresolved.withMembership(Role.of(membership.role()), membership.teams()),
        refusal,
        membership.requiredDomain());
  }

  /** The per-request read of the role, on /metrics as encaptio_authorization_membership. */
  private Timer timer() {
    if (memberships == null) {
      memberships = metrics.timer("encaptio_authorization_membership");
    }
    return memberships;
  }

  public Actor operator(CallerIdentity identity, HttpServletRequest request) {
    return Actor.operator(identity.subject(), identity.displayName(), request.getRemoteAddr());
  }

  /**
   * The actor, and why the request is refused when it is: {@code deactivated} (their membership) or
   * {@code sso} (the organization requires its own identity provider for their domain and the
   * sign-in did not come through it); null when it goes on.
   */
  public record Resolved(Actor actor, String refusal, String requiredDomain) {

    public boolean refused() {
      return refusal != null;
    }

    /** The refusal in words for the person. */
    public String message(String organization) {
      if ("sso".equals(refusal)) {
        return organization
            + " requires people of "
            + requiredDomain
            + " to sign in through its own identity provider; sign out and sign in again with"
            + " your "
            + requiredDomain
            + " address, which leads there.";
      }
      if ("removed".equals(refusal)) {
        return "You are no longer a member of "
            + organization
            + "; ask an admin of the organization to invite you again.";
      }
      return "Your membership of "
          + organization
          + " is deactivated; ask an admin of the organization to reactivate it.";
    }
  }
}
