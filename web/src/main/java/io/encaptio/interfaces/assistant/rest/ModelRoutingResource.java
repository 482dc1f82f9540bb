package io.encaptio.interfaces.assistant.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.ChatModelService;
import io.encaptio.application.ChatModelService.RoutingDto;
import io.encaptio.application.ChatModelService.VariantDto;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Which of the organization's chat models a capsule answers with (a fallback chain, optionally a
 * variant B taking a share of new conversations) and how the variants compare.
 */
@Path("/v1/capsules/{id}/assistant")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ModelRoutingResource {

  @EJB ChatModelService chatModels;
  @Inject CurrentCaller caller;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/routing")
  @Operation(summary = "The chat models the capsule answers with (chain A, optional variant B)")
  public RoutingDto routing(@PathParam("id") UUID id) {
    return chatModels.routing(id);
  }

  /**
   * Chooses the chat models: {@code primary} in fallback order, {@code challenger} and its {@code
   * challengerShare} (percent of new conversations) for an A/B comparison. Empty lists: the
   * extractive answer.
   */
  @PUT
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/routing")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Choose the chat models and an optional A/B split")
  public RoutingDto changeRouting(@PathParam("id") UUID id, RoutingDto request) {
    return chatModels.changeRouting(id, body(request));
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "analyst")
  @Path("/experiment")
  @Operation(summary = "Answer rate, feedback, latency and cost per A/B variant")
  public List<VariantDto> experiment(@PathParam("id") UUID id) {
    return chatModels.experiment(id);
  }
}
