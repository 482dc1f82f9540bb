package io.encaptio.interfaces.share;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.AssetDto;
import io.encaptio.application.CapsuleService.CapsuleDto;
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
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

  @Inject
  @ConfigProperty(name = "encaptio.public.url")
  String publicUrl;

  @GET
  @Operation(summary = "The capsule's share link and the widget's script tag")
  public ShareDto share(@PathParam("id") UUID id) {
    CapsuleDto capsule = capsules.capsule(id);
    return new ShareDto(
        url(capsule.publicKey()),
        capsule.publicKey(),
        snippet(base(), capsule.publicKey()),
        capsules.published(id).isPresent());
  }

  /**
   * The share link as a QR code: {@code format} png (default) or svg, {@code size} in pixels (128
   * to 2048, default 512), {@code logo} true to put the published logo in the middle.
   */
  @GET
  @Path("/qr")
  @Produces({"image/png", "image/svg+xml"})
  @Operation(summary = "The share link's QR code (PNG or SVG, optional logo)")
  public Response qr(
      @PathParam("id") UUID id,
      @QueryParam("format") @DefaultValue("png") String format,
      @QueryParam("size") @DefaultValue("512") int size,
      @QueryParam("logo") @DefaultValue("false") boolean logo) {
    if (size < QrCodes.MIN_SIZE || size > QrCodes.MAX_SIZE) {
      throw new BadRequestException(
          "Ask for a size of " + QrCodes.MIN_SIZE + " to " + QrCodes.MAX_SIZE + " pixels.");
    }
    CapsuleDto capsule = capsules.capsule(id);
    String url = url(capsule.publicKey());
    Optional<AssetDto> image = logo ? logo(id) : Optional.empty();
    byte[] bytes = image.map(AssetDto::bytes).orElse(null);
    String name = "qr-" + capsule.publicKey();
    return switch (format) {
      case "png" ->
          Response.ok(QrCodes.png(url, size, bytes), "image/png")
              .header("Content-Disposition", "attachment; filename=\"" + name + ".png\"")
              .build();
      case "svg" ->
          Response.ok(
                  QrCodes.svg(url, size, bytes, image.map(AssetDto::mediaType).orElse(null)),
                  "image/svg+xml")
              .header("Content-Disposition", "attachment; filename=\"" + name + ".svg\"")
              .build();
      default -> throw new BadRequestException("Ask for format=png or format=svg.");
    };
  }

  private Optional<AssetDto> logo(UUID id) {
    return capsules
        .published(id)
        .map(p -> p.brand().logo())
        .flatMap(logoId -> capsules.publishedBrandImage(id, logoId));
  }

  String url(String publicKey) {
    return base() + "/c/" + publicKey;
  }

  private String base() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The one script tag a customer's page needs. */
  public static String snippet(String base, String publicKey) {
    return "<script src=\""
        + base
        + "/widget.js\" data-capsule=\""
        + publicKey
        + "\" async></script>";
  }
}
