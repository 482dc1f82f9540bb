package io.encaptio.interfaces.content.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.ContentService;
import io.encaptio.application.ContentService.ChunkDto;
import io.encaptio.application.ContentService.ContentDto;
import io.encaptio.interfaces.content.rest.ContentRequests.Labels;
import io.encaptio.interfaces.content.rest.ContentRequests.NewContent;
import io.encaptio.interfaces.content.rest.ContentRequests.NewUrl;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A capsule's content: pasted text and FAQ pairs, uploaded files and web pages, each ingested by a
 * job; its stage, chunks, labels, and re-indexing. Everyone in the organization reads; owners and
 * editors change.
 */
@Path("/v1/capsules")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ContentResource {

  /** Pages a crawl reads when the request does not say. */
  static final int DEFAULT_CRAWL_PAGES = 20;

  @EJB ContentService content;
  @Inject CurrentCaller caller;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/{id}/content")
  public List<ContentDto> content(@PathParam("id") UUID id) {
    return content.content(id);
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/{id}/content/{item}")
  @Operation(summary = "One content item with its ingestion stage, progress and any error")
  public ContentDto contentItem(@PathParam("id") UUID id, @PathParam("item") UUID item) {
    return content.item(id, item);
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/{id}/content/{item}/chunks")
  @Operation(summary = "The item's chunks as search will see them, in order")
  public List<ChunkDto> chunks(@PathParam("id") UUID id, @PathParam("item") UUID item) {
    return content.chunks(id, item);
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/content")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add pasted text or an FAQ pair")
  public Response addContent(@PathParam("id") UUID id, NewContent request) {
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

  /**
   * Uploads a file as the request body (any content type; the type is judged from the bytes);
   * {@code name} is its file name, {@code caption} a description indexed with it (required for
   * images: their alt text). 202: stored and queued for ingestion.
   */
  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
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
    if (name == null || name.isBlank()) {
      throw new BadRequestException("Name the file: POST …/files?name=brochure.pdf");
    }
    // At most one byte over the limit is read: enough for the service to refuse it with a message.
    byte[] bytes =
        body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, content.maxUploadBytes() + 1));
    return Response.accepted(content.addFile(id, name, bytes, caption)).build();
  }

  /**
   * Adds a web page ({@code depth} 0, the default) or a site crawled from it; 202: queued to be
   * fetched and indexed. With {@code syncHours} it is fetched again that often.
   */
  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/urls")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a web page or a site (crawl depth, page limit, sync interval)")
  public Response addUrl(@PathParam("id") UUID id, NewUrl request) {
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
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/content/{item}/sync")
  @Operation(summary = "Fetch a web address again now; re-indexed only if it changed")
  public Response syncNow(@PathParam("id") UUID id, @PathParam("item") UUID item) {
    return Response.accepted(content.syncNow(id, item)).build();
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/content/{item}/cancel")
  @Operation(summary = "Stop the item's indexing (an item indexed before keeps its index)")
  public ContentDto cancel(@PathParam("id") UUID id, @PathParam("item") UUID item) {
    return content.cancel(id, item);
  }

  @PUT
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/content/{item}/labels")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Tag the item and give its language; search can be limited by them")
  public ContentDto label(@PathParam("id") UUID id, @PathParam("item") UUID item, Labels request) {
    Labels labels = body(request);
    return content.label(id, item, labels.tags(), labels.language());
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/content/{item}/reindex")
  @Operation(summary = "Index the item again from its source (a failed item gets another try)")
  public Response reindex(@PathParam("id") UUID id, @PathParam("item") UUID item) {
    return Response.accepted(content.reindex(id, item)).build();
  }

  @DELETE
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/content/{item}")
  @Operation(summary = "Remove the item with its chunks")
  public Response removeContent(@PathParam("id") UUID id, @PathParam("item") UUID item) {
    content.remove(id, item);
    return Response.noContent().build();
  }
}
