package io.encaptio.interfaces.user.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.PeopleService;
import io.encaptio.interfaces.rest.EncaptioRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Which team a capsule belongs to (editors outside it only read it). Admins and owners. */
@Path("/v1/capsules/{id}/team")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
public class CapsuleTeamResource {

  @EJB PeopleService people;

  /** The team a capsule belongs to; null puts it in none. */
  public record CapsuleTeam(UUID teamId) {}

  @PUT
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Put a capsule in a team, or in none")
  public Response assign(@PathParam("id") UUID capsule, CapsuleTeam team) {
    people.assignCapsule(capsule, body(team).teamId());
    return Response.noContent().build();
  }
}
