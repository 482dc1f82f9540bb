package io.encaptio.interfaces.capsule.web;

import io.encaptio.application.DeliveryService;
import io.encaptio.application.DeliveryService.DeliveryChange;
import io.encaptio.application.DeliveryService.DeliveryDto;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.interfaces.problem.ServiceFailures;
import io.encaptio.interfaces.security.CurrentCaller;
import io.encaptio.interfaces.share.ShareLinks;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
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
  @Inject CapsuleEditor editor;
  @Inject CurrentCaller caller;

  private DeliveryDto delivery;
  private String origins;
  private boolean requireToken;
  private String newSecret;
  private String shareUrl;

  private DeliveryDto delivery() {
    if (delivery == null && editor.getCapsule() != null) {
      show(service.delivery(editor.getCapsule().id()));
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
      shareUrl = links.url(editor.getCapsule().id(), editor.getCapsule().name());
    }
    return shareUrl;
  }

  public String getSnippet() {
    return links.snippet(editor.getCapsule().publicKey());
  }

  public boolean isHasSecret() {
    return delivery() != null && delivery().hasEmbedSecret();
  }

  public boolean isOwner() {
    return caller.identity().isOwner();
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
              editor.getCapsule().id(), new DeliveryChange(entered, requireToken)));
      PageMessages.inform(
          "Embedding saved",
          delivery.allowedOrigins().isEmpty()
              ? "Only the share page can use the capsule until you allow a site."
              : "Pages of " + String.join(", ", delivery.allowedOrigins()) + " can use it.");
    } catch (EJBException e) {
      if (ServiceFailures.cause(e) instanceof InvalidCapsuleException invalid) {
        PageMessages.fieldProblems("editor:tabs", invalid.problems());
      } else {
        PageMessages.refuse("Not saved", e);
      }
    }
  }

  /** A new embed secret, shown on the page this once. */
  public void makeSecret() {
    try {
      newSecret = service.newEmbedSecret(editor.getCapsule().id());
      delivery = null;
      PageMessages.inform(
          "New embed secret",
          "Copy it to your backend now: it is not shown again. Tokens of the old one stop working.");
    } catch (EJBException e) {
      PageMessages.refuse("No secret made", e);
    }
  }

  public StreamedContent qr(String format, boolean withLogo) {
    ShareLinks.QrImage image =
        links.qr(editor.getCapsule().id(), editor.getCapsule().name(), format, 1024, withLogo);
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
