package io.encaptio.interfaces.capsule.rest;

import static io.encaptio.interfaces.capsule.rest.EditorRequests.body;
import static io.encaptio.interfaces.capsule.rest.EditorRequests.requireEditor;

import io.encaptio.application.RetrievalService;
import io.encaptio.application.RetrievalService.Search;
import io.encaptio.application.RetrievalService.SearchResultDto;
import io.encaptio.domain.capsule.RetrievalSettings;
import io.encaptio.interfaces.capsule.rest.AssistantRequests.RetrievalChange;
import io.encaptio.interfaces.capsule.rest.AssistantRequests.SearchRequest;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A capsule's assistant as its editors see it: search its passages with every stage's scores, and
 * tune how it searches. Capsules of other tenants answer 404.
 */
@Path("/v1/capsules/{id}/assistant")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AssistantResource {

  @EJB RetrievalService retrieval;
  @Inject CurrentCaller caller;

  /**
   * The passages retrieval finds for a question, best first, with vector, keyword and fused scores
   * and ranks and the time of each stage; {@code settings} tries other retrieval settings without
   * saving them.
   */
  @POST
  @Path("/search")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Find the capsule's passages for a question (hybrid, vector or keyword)")
  public SearchResultDto search(@PathParam("id") UUID id, SearchRequest request) {
    requireEditor(caller);
    SearchRequest search = body(request);
    RetrievalSettings settings =
        search.settings() == null ? null : search.settings().applyTo(retrieval.settings(id));
    return retrieval.search(
        id,
        new Search(
            search.question(), search.searchMode(), search.limitOr(10), settings, search.items()));
  }

  @GET
  @Path("/retrieval")
  @Operation(summary = "How the capsule searches its content (candidates, fusion, passages)")
  public RetrievalSettings retrievalSettings(@PathParam("id") UUID id) {
    return retrieval.settings(id);
  }

  @PUT
  @Path("/retrieval")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change how the capsule searches; fields left out stay as they are")
  public RetrievalSettings changeRetrieval(@PathParam("id") UUID id, RetrievalChange request) {
    requireEditor(caller);
    return retrieval.changeSettings(id, body(request).applyTo(retrieval.settings(id)));
  }
}
