package io.encaptio.interfaces.content.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.ContentService;
import io.encaptio.application.ContentService.IndexingChange;
import io.encaptio.application.ContentService.IndexingDto;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** How a capsule's content is indexed: the embedding model and the chunk size. */
@Path("/v1/capsules")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class IndexingResource {

  @EJB ContentService content;
  @Inject CurrentCaller caller;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/{id}/indexing")
  @Operation(summary = "How the capsule's content is indexed (model, chunk size) and the models")
  public IndexingDto indexing(@PathParam("id") UUID id) {
    return content.indexing(id);
  }

  /**
   * Changes the model or chunk size (fields left out stay as they are); when anything changed,
   * every item is indexed again through the job queue (its stage shows it) and its chunks are
   * replaced when its job ends.
   */
  @PUT
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/indexing")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Choose the embedding model and chunk size; content is re-indexed by jobs")
  public IndexingDto changeIndexing(@PathParam("id") UUID id, IndexingChange request) {
    return content.changeIndexing(id, body(request));
  }
}
