package io.encaptio.interfaces.capsule.rest;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.CapsuleService.CapsulePage;
import io.encaptio.application.CapsuleService.TemplateDto;
import io.encaptio.application.CapsuleService.VersionDto;
import io.encaptio.application.ContentService;
import io.encaptio.application.ContentService.ContentDto;
import io.encaptio.application.ContentService.IndexingDto;
import io.encaptio.domain.capsule.CapsuleAsset;
import io.encaptio.domain.content.StoredChunk;
import io.encaptio.interfaces.capsule.rest.CapsuleRequests.Draft;
import io.encaptio.interfaces.capsule.rest.CapsuleRequests.Indexing;
import io.encaptio.interfaces.capsule.rest.CapsuleRequests.Labels;
import io.encaptio.interfaces.capsule.rest.CapsuleRequests.NewCapsule;
import io.encaptio.interfaces.capsule.rest.CapsuleRequests.NewContent;
import io.encaptio.interfaces.capsule.rest.CapsuleRequests.NewUrl;
import io.encaptio.interfaces.capsule.rest.CapsuleRequests.RollBack;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Capsules of the token's tenant. Everyone in the organization may read; owners and editors change.
 * Every call runs in the tenant's own schema (the tenant filter set it), so another tenant's
 * capsule ids answer 404 exactly like ids that never existed.
 */
@Path("/v1/capsules")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CapsuleResource {

  /** Pages a crawl reads when the request does not say. */
  static final int DEFAULT_CRAWL_PAGES = 20;

  @EJB CapsuleService capsules;
  @EJB ContentService content;
  @Inject CurrentCaller caller;

  @GET
  @Operation(summary = "One page of capsules, newest first")
  public CapsulePage list(
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("20") int max) {
    return capsules.capsules(first, max);
  }

  @GET
  @Path("/templates")
  @Operation(summary = "Templates a capsule can start from")
  public List<TemplateDto> templates() {
    return capsules.templates();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a capsule, blank or from a template")
  public Response create(NewCapsule request) {
    requireEditor();
    CapsuleDto created = capsules.create(body(request).name(), request.template());
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @GET
  @Path("/{id}")
  public CapsuleDto get(@PathParam("id") UUID id) {
    return capsules.capsule(id);
  }

  @PUT
  @Path("/{id}/draft")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Save the draft; visitors keep seeing the published version")
  public CapsuleDto saveDraft(@PathParam("id") UUID id, Draft draft) {
    requireEditor();
    return capsules.saveDraft(id, body(draft).name(), draft.settings());
  }

  @POST
  @Path("/{id}/publish")
  @Operation(summary = "Check the draft and publish it as the next version")
  public CapsuleDto publish(@PathParam("id") UUID id) {
    requireEditor();
    return capsules.publish(id, caller.identity().username());
  }

  @GET
  @Path("/{id}/versions")
  public List<VersionDto> versions(@PathParam("id") UUID id) {
    return capsules.versions(id);
  }

  @POST
  @Path("/{id}/rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Publish an earlier version again, as a new version")
  public CapsuleDto rollBack(@PathParam("id") UUID id, RollBack request) {
    requireEditor();
    if (request == null || request.version() == null) {
      throw new BadRequestException("Name the version to roll back to: {\"version\": 2}.");
    }
    return capsules.rollBack(id, request.version(), caller.identity().username());
  }

  @POST
  @Path("/{id}/duplicate")
  public Response duplicate(@PathParam("id") UUID id) {
    requireEditor();
    return Response.status(Response.Status.CREATED).entity(capsules.duplicate(id)).build();
  }

  @POST
  @Path("/{id}/archive")
  public CapsuleDto archive(@PathParam("id") UUID id) {
    requireEditor();
    return capsules.archive(id);
  }

  @POST
  @Path("/{id}/restore")
  public CapsuleDto restore(@PathParam("id") UUID id) {
    requireEditor();
    return capsules.restore(id);
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") UUID id) {
    requireEditor();
    capsules.delete(id);
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/content")
  public List<ContentDto> content(@PathParam("id") UUID id) {
    return content.content(id);
  }

  @GET
  @Path("/{id}/content/{item}")
  @Operation(summary = "One content item with its ingestion stage, progress and any error")
  public ContentDto contentItem(@PathParam("id") UUID id, @PathParam("item") UUID item) {
    return content.item(id, item);
  }

  @GET
  @Path("/{id}/content/{item}/chunks")
  @Operation(summary = "The item's chunks as search will see them, in order")
  public List<StoredChunk> chunks(@PathParam("id") UUID id, @PathParam("item") UUID item) {
    return content.chunks(id, item);
  }

  /**
   * Uploads the logo or the assistant's avatar (PNG, JPEG, WebP or GIF up to 1 MB, the image as the
   * body); it goes into the draft's brand and visitors see it from the next publish.
   */
  @POST
  @Path("/{id}/brand/{kind}")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Upload the brand's logo or avatar into the draft")
  public CapsuleDto uploadBrandImage(
      @PathParam("id") UUID id,
      @PathParam("kind") String kind,
      @QueryParam("name") String name,
      InputStream body)
      throws IOException {
    requireEditor();
    byte[] bytes = body.readNBytes((int) CapsuleAsset.MAX_BYTES + 1);
    return capsules.uploadBrandImage(id, kind, name, bytes);
  }

  @GET
  @Path("/{id}/assets/{asset}")
  @Produces("image/*")
  @Operation(summary = "An image of the capsule's brand (draft or any version)")
  public Response brandImage(@PathParam("id") UUID id, @PathParam("asset") UUID asset) {
    return capsules
        .brandImage(id, asset)
        .map(BrandImages::response)
        .orElseThrow(() -> new NotFoundException("The capsule has no image " + asset + "."));
  }

  @GET
  @Path("/{id}/indexing")
  @Operation(summary = "How the capsule's content is indexed (model, chunk size) and the models")
  public IndexingDto indexing(@PathParam("id") UUID id) {
    return content.indexing(id);
  }

  /**
   * Changes the model or chunk size; when anything changed, every item is indexed again through the
   * job queue (its stage shows it) and its chunks are replaced when its job ends.
   */
  @PUT
  @Path("/{id}/indexing")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Choose the embedding model and chunk size; content is re-indexed by jobs")
  public IndexingDto changeIndexing(@PathParam("id") UUID id, Indexing request) {
    requireEditor();
    Indexing wanted = body(request);
    IndexingDto current = content.indexing(id);
    return content.changeIndexing(
        id,
        wanted.model() == null ? current.model() : wanted.model(),
        wanted.chunkTokens() == null ? current.chunkTokens() : wanted.chunkTokens(),
        wanted.overlapTokens() == null ? current.overlapTokens() : wanted.overlapTokens());
  }

  /**
   * Uploads a file as the request body (any content type; the type is judged from the bytes);
   * {@code name} is its file name, {@code caption} a description indexed with it (required for
   * images: their alt text). 202: stored and queued for ingestion.
   */
  @POST
  @Path("/{id}/files")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary =
          "Upload a file (PDF, DOCX, PPTX, XLSX, CSV, HTML, Markdown, text, VTT, SRT, or an image"
              + " with its caption)")
  public Response upload(
      @PathParam("id") UUID id,
      @QueryParam("name") String name,
      @QueryParam("caption") String caption,
      InputStream body)
      throws IOException {
    requireEditor();
    if (name == null || name.isBlank()) {
      throw new BadRequestException("Name the file: POST …/files?name=brochure.pdf");
    }
    // At most one byte over the limit is read: enough for the service to refuse it with a message.
    byte[] bytes =
        body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, content.maxUploadBytes() + 1));
    ContentDto added = content.addFile(id, name, bytes, caption);
    return Response.accepted(added).build();
  }

  /**
   * Adds a web page ({@code depth} 0, the default) or a site crawled from it; 202: queued to be
   * fetched and indexed. With {@code syncHours} it is fetched again that often.
   */
  @POST
  @Path("/{id}/urls")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a web page or a site (crawl depth, page limit, sync interval)")
  public Response addUrl(@PathParam("id") UUID id, NewUrl request) {
    requireEditor();
    NewUrl wanted = body(request);
    ContentDto added =
        content.addUrl(
            id,
            wanted.url(),
            wanted.depth() == null ? 0 : wanted.depth(),
            wanted.maxPages() == null ? DEFAULT_CRAWL_PAGES : wanted.maxPages(),
            wanted.syncHours());
    return Response.accepted(added).build();
  }

  @POST
  @Path("/{id}/content/{item}/sync")
  @Operation(summary = "Fetch a web address again now; re-indexed only if it changed")
  public Response syncNow(@PathParam("id") UUID id, @PathParam("item") UUID item) {
    requireEditor();
    return Response.accepted(content.syncNow(id, item)).build();
  }

  @POST
  @Path("/{id}/content/{item}/cancel")
  @Operation(summary = "Stop the item's indexing (an item indexed before keeps its index)")
  public ContentDto cancel(@PathParam("id") UUID id, @PathParam("item") UUID item) {
    requireEditor();
    return content.cancel(id, item);
  }

  @PUT
  @Path("/{id}/content/{item}/labels")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Tag the item and give its language; search can be limited by them")
  public ContentDto label(@PathParam("id") UUID id, @PathParam("item") UUID item, Labels request) {
    requireEditor();
    Labels labels = body(request);
    return content.label(id, item, labels.tags(), labels.language());
  }

  @POST
  @Path("/{id}/content/{item}/reindex")
  @Operation(summary = "Index the item again from its source (a failed item gets another try)")
  public Response reindex(@PathParam("id") UUID id, @PathParam("item") UUID item) {
    requireEditor();
    return Response.accepted(content.reindex(id, item)).build();
  }

  @DELETE
  @Path("/{id}/content/{item}")
  @Operation(summary = "Remove the item with its chunks")
  public Response removeContent(@PathParam("id") UUID id, @PathParam("item") UUID item) {
    requireEditor();
    content.remove(id, item);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/content")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add pasted text or an FAQ pair")
  public Response addContent(@PathParam("id") UUID id, NewContent request) {
    requireEditor();
    ContentDto added =
        switch (body(request).kind() == null ? "" : request.kind()) {
          case "text" -> content.addText(id, request.title(), request.text());
          case "faq" -> content.addFaq(id, request.question(), request.answer());
          default ->
              throw new BadRequestException(
                  "Set \"kind\" to \"text\" (with title and text) or \"faq\" (with question and"
                      + " answer).");
        };
    return Response.status(Response.Status.CREATED).entity(added).build();
  }

  private void requireEditor() {
    EditorRequests.requireEditor(caller);
  }

  private static <T> T body(T request) {
    return EditorRequests.body(request);
  }
}
