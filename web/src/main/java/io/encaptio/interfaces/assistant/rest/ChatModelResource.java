package io.encaptio.interfaces.assistant.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.ChatModelService;
import io.encaptio.application.ChatModelService.ChatModelDto;
import io.encaptio.application.ChatModelService.ModelSpec;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The organization's chat models (OpenAI, Anthropic, Gemini, Ollama). Everyone may see them (keys
 * show only as their last four characters); only owners add, change or remove them, since they hold
 * the organization's provider keys and spend its money.
 */
@Path("/v1/assistant/models")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ChatModelResource {

  /** A model's settings and, when given, its provider's API key. */
  public record ChatModelRequest(
      String name,
      String provider,
      String model,
      String baseUrl,
      String apiKey,
      Integer timeoutSeconds,
      Double temperature,
      Integer maxOutputTokens,
      Long inputPriceMicros,
      Long outputPriceMicros) {

    ModelSpec spec() {
      return new ModelSpec(
          name,
          provider,
          model,
          baseUrl,
          timeoutSeconds,
          temperature,
          maxOutputTokens,
          inputPriceMicros,
          outputPriceMicros);
    }
  }

  @EJB ChatModelService models;
  @Inject CurrentCaller caller;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Operation(summary = "The organization's chat models")
  public List<ChatModelDto> list() {
    return models.models();
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a chat model (the API key is sealed and never shown again)")
  public Response add(ChatModelRequest request) {
    ChatModelRequest body = body(request);
    return Response.status(Response.Status.CREATED)
        .entity(models.add(body.spec(), body.apiKey()))
        .build();
  }

  @PUT
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/{model}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a chat model; without apiKey the stored key stays")
  public ChatModelDto change(@PathParam("model") UUID id, ChatModelRequest request) {
    ChatModelRequest body = body(request);
    return models.change(id, body.spec(), body.apiKey());
  }

  @DELETE
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/{model}")
  @Operation(summary = "Remove a chat model no capsule answers with")
  public Response remove(@PathParam("model") UUID id) {
    models.remove(id);
    return Response.noContent().build();
  }
}
