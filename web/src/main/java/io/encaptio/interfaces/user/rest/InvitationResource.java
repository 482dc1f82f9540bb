package io.encaptio.interfaces.user.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.PeopleService;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.user.facade.PersonDto;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * Invitations into the organization: a mail with a link that sets the person's password (or signs
 * an existing account in) and leads into this organization with the role given. Admins and owners
 * only; only owners invite owners.
 */
@Path("/v1/invitations")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

  @EJB PeopleService people;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Operation(summary = "Pending invitations: people invited who have not signed in yet")
  public List<PersonDto> pending() {
    return people.people().stream()
        .filter(p -> "invited".equals(p.status()))
        .map(PersonDto::of)
        .toList();
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Invite a person by e-mail with a role; the mail leaves at once")
  public Response invite(PeopleService.Invitation invitation) {
    return Response.status(Response.Status.CREATED)
        .entity(PersonDto.of(people.invite(body(invitation))))
        .build();
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/{person}/resend")
  @Operation(summary = "Send the invitation mail again, with a fresh link")
  public PersonDto resend(@PathParam("person") String id) {
    return PersonDto.of(people.resendInvitation(id));
  }

  @DELETE
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/{person}")
  @Operation(summary = "Withdraw an invitation that has not been accepted")
  public Response revoke(@PathParam("person") String id) {
    people.revokeInvitation(id);
    return Response.noContent().build();
  }
}
