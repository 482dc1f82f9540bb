package io.encaptio.interfaces.capsule.rest;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.PublishedCapsuleDto;
import io.encaptio.interfaces.problem.Problem;
import io.encaptio.interfaces.problem.ProblemType;
import io.encaptio.interfaces.security.PublicCapsuleFilter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What visitors (share page, widget) see of a capsule: its last published version. The public key
 * was resolved to the tenant and the capsule by {@link PublicCapsuleFilter}; no token is needed.
 */
@Path("/public/v1/capsules/{key}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PublicCapsuleResource {

  @EJB CapsuleService capsules;
  @Context HttpServletRequest request;

  @GET
  @Operation(summary = "The published capsule behind a public key")
  public Response published(@PathParam("key") String key) {
    UUID capsule = (UUID) request.getAttribute(PublicCapsuleFilter.CAPSULE_ID);
    Optional<PublishedCapsuleDto> published = capsules.published(capsule);
    if (published.isEmpty()) {
      return Problem.of(
              ProblemType.CAPSULE_UNAVAILABLE,
              "This capsule is not published right now.",
              request.getRequestURI())
          .toResponse();
    }
    return Response.ok(published.get()).build();
  }

  /** The published brand's logo or avatar (other images of the capsule are not public). */
  @GET
  @Path("/assets/{asset}")
  @Produces("image/*")
  @Operation(summary = "The published capsule's logo or avatar")
  public Response brandImage(@PathParam("key") String key, @PathParam("asset") String asset) {
    UUID capsule = (UUID) request.getAttribute(PublicCapsuleFilter.CAPSULE_ID);
    UUID id;
    try {
      id = UUID.fromString(asset);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No such image.");
    }
    return capsules
        .publishedBrandImage(capsule, id)
        .map(BrandImages::response)
        .orElseThrow(() -> new NotFoundException("No such image."));
  }
}
