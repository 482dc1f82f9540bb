package io.encaptio.interfaces.user.rest;

import io.encaptio.domain.user.Role;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.security.CurrentCaller;
import io.encaptio.interfaces.user.facade.MeAssembler;
import io.encaptio.interfaces.user.facade.MeDto;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/v1/me")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
public class MeResource {

  @Inject CurrentCaller caller;
  @Inject Access access;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The caller: user, the tenant the token belongs to and their role in it")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = MeDto.class)))
  @APIResponse(
      responseCode = "401",
      description = "Missing, expired or invalid token",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(
      responseCode = "403",
      description = "The token's organization is not an active tenant",
      content = @Content(mediaType = "application/problem+json"))
  public MeDto me() {
    return MeAssembler.toDto(
        caller.identity(), TenantContext.current(), access.role().orElse(Role.MEMBER));
  }
}
