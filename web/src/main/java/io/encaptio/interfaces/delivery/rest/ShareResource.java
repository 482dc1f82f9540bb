package io.encaptio.interfaces.delivery.rest;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.interfaces.delivery.facade.ShareLinks;
import io.encaptio.interfaces.rest.EncaptioRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.Serializable;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * How to share a capsule: its share link, the widget's script tag, and the link's QR code (PNG or
 * SVG, optionally with the published logo in the middle). Everyone in the organization may read
 * them; capsules of other tenants answer 404.
 */
@Path("/v1/capsules/{id}/share")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ShareResource {

  /** The share page's address, the widget's script tag, and whether visitors can use them now. */
  public record ShareDto(String url, String publicKey, String widgetSnippet, boolean live)
      implements Serializable {}

  @EJB CapsuleService capsules;

  @Inject ShareLinks links;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Operation(summary = "The capsule's share link and the widget's script tag")
  public ShareDto share(@PathParam("id") UUID id) {
    CapsuleDto capsule = capsules.capsule(id);
    return new ShareDto(
        links.url(id),
        capsule.publicKey(),
        links.snippet(capsule.publicKey()),
        capsules.published(id).isPresent());
  }

  /**
   * The share link as a QR code: {@code format} png (default) or svg, {@code size} in pixels (128
   * to 2048, default 512), {@code logo} true to put the published logo in the middle.
   */
  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/qr")
  @Produces({"image/png", "image/svg+xml"})
  @Operation(summary = "The share link's QR code (PNG or SVG, optional logo)")
  public Response qr(
      @PathParam("id") UUID id,
      @QueryParam("format") @DefaultValue("png") String format,
      @QueryParam("size") @DefaultValue("512") int size,
      @QueryParam("logo") @DefaultValue("false") boolean logo) {
    ShareLinks.QrImage image;
    try {
      image = links.qr(id, format, size, logo);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    return Response.ok(image.bytes(), image.mediaType())
        .header("Content-Disposition", "attachment; filename=\"" + image.fileName() + "\"")
        .build();
  }
}
