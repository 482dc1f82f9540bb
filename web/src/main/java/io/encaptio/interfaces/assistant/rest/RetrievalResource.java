package io.encaptio.interfaces.assistant.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.RetrievalService;
import io.encaptio.application.RetrievalService.RetrievalChange;
import io.encaptio.application.RetrievalService.RetrievalSettingsDto;
import io.encaptio.application.RetrievalService.Search;
import io.encaptio.application.RetrievalService.SearchResultDto;
import io.encaptio.interfaces.assistant.rest.AssistantRequests.SearchRequest;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * How a capsule's assistant finds passages: search them with every stage's scores (editors), and
 * read or tune the retrieval settings (everyone reads, editors tune).
 */
@Path("/v1/capsules/{id}/assistant")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class RetrievalResource {

  @EJB RetrievalService retrieval;
  @Inject CurrentCaller caller;

  /**
   * The passages retrieval finds for a question, best first, with vector, keyword and fused scores
   * and ranks and the time of each stage; {@code settings} tries other retrieval settings without
   * saving them.
   */
  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/search")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Find the capsule's passages for a question (hybrid, vector or keyword)")
  public SearchResultDto search(@PathParam("id") UUID id, SearchRequest request) {
    SearchRequest search = body(request);
    return retrieval.search(
        id,
        new Search(
            search.question(),
            search.mode(),
            search.limitOr(10),
            search.settings(),
            search.items(),
            search.tags(),
            search.language()));
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/retrieval")
  @Operation(summary = "How the capsule searches its content (candidates, fusion, passages)")
  public RetrievalSettingsDto retrievalSettings(@PathParam("id") UUID id) {
    return retrieval.settings(id);
  }

  @PUT
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/retrieval")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change how the capsule searches; fields left out stay as they are")
  public RetrievalSettingsDto changeRetrieval(@PathParam("id") UUID id, RetrievalChange request) {
    return retrieval.changeSettings(id, body(request));
  }
}
