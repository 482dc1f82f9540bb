package io.encaptio.interfaces.rest;

import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.domain.user.Role;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * The lowest role each {@code /api/v1} operation needs, declared on the resource method as the
 * OpenAPI extension {@value #EXTENSION} (so integrators read it in the OpenAPI document), and
 * checked here before the body is read: a caller without the role gets 403 saying which role would
 * do. The services check their own declared permissions anyway; a test compares both, operation by
 * operation.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class EncaptioRoles implements ContainerRequestFilter {

  public static final String EXTENSION = "x-encaptio-role";

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    Extension declared = method.getAnnotation(Extension.class);
    if (declared == null || !EXTENSION.equals(declared.name())) {
      return; // operators' and visitors' APIs: their own filters decide
    }
    Role needed = Role.of(declared.value());
    Role held = ActorContext.find().map(Actor::role).orElse(null);
    if (held == null || !held.atLeast(needed)) {
      throw new ForbiddenException(
          (held == null
                  ? "You have no role in this organization"
                  : "Your role in this organization is " + held.label())
              + "; this needs one of: "
              + needed.andAbove()
              + ".");
    }
  }
}
