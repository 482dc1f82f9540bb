package io.encaptio.interfaces.delivery.facade;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.AssetDto;
import io.encaptio.application.DeliveryService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A capsule's share link, widget script tag and QR code, on the platform's public address (for the
 * API and the portal's Publish tab alike).
 */
@ApplicationScoped
public class ShareLinks {

  /** A QR code ready to download. */
  public record QrImage(byte[] bytes, String mediaType, String fileName) {}

  @EJB CapsuleService capsules;
  @EJB DeliveryService delivery;

  @Inject
  @ConfigProperty(name = "encaptio.public.url")
  String publicUrl;

  /**
   * The share page's address: its readable slug, made from the capsule's name the first time (the
   * page answers at {@code /c/{public key}} too).
   */
  public String url(UUID capsuleId) {
    return base() + "/c/" + delivery.shareSlug(capsuleId);
  }

  /** The one script tag a customer's page needs. */
  public String snippet(String publicKey) {
    return "<script src=\""
        + base()
        + "/widget.js\" data-capsule=\""
        + publicKey
        + "\" async></script>";
  }

  /**
   * The share link as a QR code, png or svg, {@code size} pixels; {@code withLogo} puts the
   * published logo in the middle (when there is one).
   *
   * @throws IllegalArgumentException for another format or size
   */
  public QrImage qr(UUID capsuleId, String format, int size, boolean withLogo) {
    if (size < QrCodes.MIN_SIZE || size > QrCodes.MAX_SIZE) {
      throw new IllegalArgumentException(
          "Ask for a size of " + QrCodes.MIN_SIZE + " to " + QrCodes.MAX_SIZE + " pixels.");
    }
    Optional<AssetDto> logo =
        withLogo
            ? capsules
                .published(capsuleId)
                .map(p -> p.brand().logo())
                .flatMap(id -> capsules.publishedBrandImage(capsuleId, id))
            : Optional.empty();
    byte[] logoBytes = logo.map(AssetDto::bytes).orElse(null);
    String url = url(capsuleId);
    String file = "qr-" + url.substring(url.lastIndexOf('/') + 1);
    return switch (format) {
      case "png" -> new QrImage(QrCodes.png(url, size, logoBytes), "image/png", file + ".png");
      case "svg" ->
          new QrImage(
              QrCodes.svg(url, size, logoBytes, logo.map(AssetDto::mediaType).orElse(null))
                  .getBytes(StandardCharsets.UTF_8),
              "image/svg+xml",
              file + ".svg");
      default -> throw new IllegalArgumentException("Ask for format=png or format=svg.");
    };
  }

  private String base() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }
}
