package io.encaptio.interfaces.user.rest;

import io.encaptio.application.UserProfileService;
import io.encaptio.interfaces.user.facade.PersonDto;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The people of the caller's tenant who have signed in to Encaptio, read from its own schema. */
@Path("/v1/people")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
public class PeopleResource {

  @EJB UserProfileService profiles;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "People of the token's tenant who have signed in, by username")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PersonDto[].class)))
  @APIResponse(
      responseCode = "403",
      description = "The token's organization is not an active tenant",
      content = @Content(mediaType = "application/problem+json"))
  public List<PersonDto> people() {
    return profiles.profiles().stream().map(PersonDto::of).toList();
  }
}
