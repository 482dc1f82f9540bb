package io.encaptio.interfaces.delivery.web;

import io.encaptio.application.DeliveryService;
import io.encaptio.application.DeliveryService.DeliveryChange;
import io.encaptio.application.DeliveryService.DeliveryDto;
import io.encaptio.application.access.Permission;
import io.encaptio.interfaces.capsule.web.CapsulePage;
import io.encaptio.interfaces.delivery.facade.ShareLinks;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The Publish tab's sharing: the share link and its QR codes, the widget's script tag with a live
 * preview, the origins allowed to embed the capsule, and signed embed tokens (the secret is made by
 * owners and shown once).
 */
@Named
@ViewScoped
public class CapsuleDelivery implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB DeliveryService service;
  @Inject ShareLinks links;
  @Inject CapsulePage page;
  @Inject Access access;

  private DeliveryDto delivery;
  private String origins;
  private boolean requireToken;
  private String newSecret;
  private String shareUrl;

  private DeliveryDto delivery() {
    if (delivery == null && page.getCapsule() != null) {
      show(service.delivery(page.getCapsule().id()));
    }
    return delivery;
  }

  private void show(DeliveryDto shown) {
    delivery = shown;
    origins = String.join("\n", shown.allowedOrigins());
    requireToken = shown.requireSignedToken();
  }

  /** Looked up (or made) once per view: the page reads it more than once a render. */
  public String getShareUrl() {
    if (shareUrl == null) {
      shareUrl = links.url(page.getCapsule().id());
    }
    return shareUrl;
  }

  public String getSnippet() {
    return links.snippet(page.getCapsule().publicKey());
  }

  public boolean isHasSecret() {
    return delivery() != null && delivery().hasEmbedSecret();
  }

  /** Whether the person makes embed secrets (admins and owners). */
  public boolean isOwner() {
    return access.can(Permission.MANAGE_ORGANIZATION);
  }

  /** The allowed origins, one per line, as saved. */
  public void save() {
    List<String> entered =
        Arrays.stream(origins == null ? new String[0] : origins.split("\\R"))
            .map(String::strip)
            .filter(o -> !o.isEmpty())
            .toList();
    try {
      show(
          service.changeDelivery(
              page.getCapsule().id(), new DeliveryChange(entered, requireToken)));
      PageMessages.inform(
          "Embedding saved",
          delivery.allowedOrigins().isEmpty()
              ? "Only the share page can use the capsule until you allow a site."
              : "Pages of " + String.join(", ", delivery.allowedOrigins()) + " can use it.");
    } catch (RuntimeException e) {
      PageMessages.failed("Not saved", e, "editor:tabs");
    }
  }

  /** A new embed secret, shown on the page this once. */
  public void makeSecret() {
    try {
      newSecret = service.newEmbedSecret(page.getCapsule().id());
      delivery = null;
      PageMessages.inform(
          "New embed secret",
          "Copy it to your backend now: it is not shown again. Tokens of the old one stop working.");
    } catch (RuntimeException e) {
      PageMessages.failed("No secret made", e);
    }
  }

  public StreamedContent qr(String format, boolean withLogo) {
    ShareLinks.QrImage image = links.qr(page.getCapsule().id(), format, 1024, withLogo);
    return DefaultStreamedContent.builder()
        .name(image.fileName())
        .contentType(image.mediaType())
        .contentLength((long) image.bytes().length)
        .stream(() -> new ByteArrayInputStream(image.bytes()))
        .build();
  }

  public String getOrigins() {
    delivery();
    return origins;
  }

  public void setOrigins(String origins) {
    this.origins = origins;
  }

  public boolean isRequireToken() {
    delivery();
    return requireToken;
  }

  public void setRequireToken(boolean requireToken) {
    this.requireToken = requireToken;
  }

  public String getNewSecret() {
    return newSecret;
  }
}
