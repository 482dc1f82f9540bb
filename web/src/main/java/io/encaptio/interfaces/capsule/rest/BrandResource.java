package io.encaptio.interfaces.capsule.rest;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.interfaces.rest.BrandImages;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A capsule's brand images: the logo and the assistant's avatar, uploaded into the draft. */
@Path("/v1/capsules")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class BrandResource {

  @EJB CapsuleService capsules;
  @Inject CurrentCaller caller;

  /**
   * Uploads the logo or the assistant's avatar (PNG, JPEG, WebP or GIF up to 1 MB, the image as the
   * body); it goes into the draft's brand and visitors see it from the next publish.
   */
  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/brand/{kind}")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Upload the brand's logo or avatar into the draft")
  public CapsuleDto uploadBrandImage(
      @PathParam("id") UUID id,
      @PathParam("kind") String kind,
      @QueryParam("name") String name,
      InputStream body)
      throws IOException {
    // At most one byte over the limit is read: enough for the service to refuse it with a message.
    byte[] bytes = body.readNBytes((int) CapsuleService.MAX_BRAND_IMAGE_BYTES + 1);
    return capsules.uploadBrandImage(id, kind, name, bytes);
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/{id}/assets/{asset}")
  @Produces("image/*")
  @Operation(summary = "An image of the capsule's brand (draft or any version)")
  public Response brandImage(@PathParam("id") UUID id, @PathParam("asset") UUID asset) {
    return capsules
        .brandImage(id, asset)
        .map(BrandImages::response)
        .orElseThrow(() -> new NotFoundException("The capsule has no image " + asset + "."));
  }
}
