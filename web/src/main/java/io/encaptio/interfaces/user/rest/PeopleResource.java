package io.encaptio.interfaces.user.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.PeopleService;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.user.facade.PersonDto;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The organization's people: members with their role here, status, teams and last sign-in. Admins
 * and owners only (the service refuses others with 403); a person of another organization is 404.
 */
@Path("/v1/people")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

  @EJB PeopleService people;

  /** A change of one person: a new role, or a new status (active or deactivated), or both. */
  public record PersonChange(String role, String status) {}

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Operation(summary = "Everyone of the token's organization, with role, status and teams")
  public List<PersonDto> people() {
    return people.people().stream().map(PersonDto::of).toList();
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/seats")
  @Operation(summary = "Seats taken (invited and active people) against the plan's seats")
  public PeopleService.SeatsDto seats() {
    return people.seats();
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/{person}")
  @Operation(summary = "One person of the organization")
  public PersonDto person(@PathParam("person") String id) {
    return PersonDto.of(people.person(id));
  }

  @PATCH
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/{person}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Change a person's role (owner, admin, editor, analyst, member) or status (active,"
              + " deactivated)")
  public PersonDto change(@PathParam("person") String id, PersonChange change) {
    body(change);
    if (change.status() != null
        && !change.status().equals("active")
        && !change.status().equals("deactivated")) {
      throw new BadRequestException(
          "Unknown status '" + change.status() + "'; use active or deactivated.");
    }
    PeopleService.PersonDto changed = null;
    if (change.role() != null) {
      changed = people.changeRole(id, change.role());
    }
    if (change.status() != null) {
      changed =
          switch (change.status()) {
            case "deactivated" -> people.deactivate(id);
            case "active" -> people.reactivate(id);
            default -> throw new IllegalStateException("checked above");
          };
    }
    if (changed == null) {
      throw new BadRequestException("Send a role, a status or both.");
    }
    return PersonDto.of(changed);
  }

  @DELETE
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/{person}")
  @Operation(
      summary =
          "Remove a person from the organization (their account survives if it belongs to"
              + " other organizations)")
  public Response remove(@PathParam("person") String id) {
    people.remove(id);
    return Response.noContent().build();
  }
}
