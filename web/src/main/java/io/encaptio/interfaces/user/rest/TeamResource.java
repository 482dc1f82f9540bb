package io.encaptio.interfaces.user.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.PeopleService;
import io.encaptio.application.PeopleService.TeamDto;
import io.encaptio.interfaces.rest.EncaptioRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Teams of the organization: editors outside a capsule's team only read it. Everyone reads the
 * teams; admins and owners change them.
 */
@Path("/v1/teams")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {

  @EJB PeopleService people;

  public record NewTeam(String name) {}

  /** The people of a team by their ids; the list replaces the team's members. */
  public record TeamMembers(Set<String> members) {}

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Operation(summary = "The organization's teams with their members and capsule counts")
  public List<TeamDto> teams() {
    return people.teams();
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a team")
  public Response create(NewTeam team) {
    return Response.status(Response.Status.CREATED)
        .entity(people.createTeam(body(team).name()))
        .build();
  }

  @PUT
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/{team}/members")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a team's members")
  public TeamDto members(@PathParam("team") UUID team, TeamMembers members) {
    Set<String> ids = body(members).members();
    return people.changeTeamMembers(team, ids == null ? Set.of() : ids);
  }

  @DELETE
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/{team}")
  @Operation(summary = "Remove a team (its capsules belong to no team afterwards)")
  public Response remove(@PathParam("team") UUID team) {
    people.removeTeam(team);
    return Response.noContent().build();
  }
}
