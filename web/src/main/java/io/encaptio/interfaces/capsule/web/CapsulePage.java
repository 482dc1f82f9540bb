package io.encaptio.interfaces.capsule.web;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.UUID;

/**
 * The capsule a portal page is about (the editor and its tabs, the playground, the inbox), named by
 * the page's {@code id} parameter and loaded once per view. A malformed or unknown id, or one of
 * another organization, sends the browser to the capsule list, which says so.
 */
@Named
@ViewScoped
public class CapsulePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB CapsuleService capsules;
  @Inject CurrentCaller caller;

  private String id;
  private CapsuleDto capsule;
  private Boolean editable;

  /** The page's view action: loads the capsule (postbacks keep the view's). */
  public void load() throws IOException {
    loaded();
  }

  /** Whether the capsule is loaded; false when the browser was sent to the list instead. */
  public boolean loaded() throws IOException {
    if (capsule != null) {
      return true;
    }
    try {
      capsule = capsules.capsule(UUID.fromString(String.valueOf(id)));
      return true;
    } catch (IllegalArgumentException | NoSuchCapsuleException unknownOrMalformed) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().redirect("capsules.xhtml?missing=true");
      faces.responseComplete();
      return false;
    }
  }

  /** The capsule as a service just returned it (after a save, a publish, an upload). */
  public void show(CapsuleDto changed) {
    capsule = changed;
  }

  /** Reads the capsule again (its content count, say, after content changed). */
  public void refresh() {
    capsule = capsules.capsule(capsule.id());
  }

  public UUID capsuleId() {
    return capsule.id();
  }

  /**
   * Whether the signed-in person may change the capsule: editors and above, and for a capsule of a
   * team, editors in that team (the service decides, the page only hides what it would refuse).
   */
  public boolean isEditor() {
    if (editable == null) {
      editable = capsules.editable(capsule.id());
    }
    return editable;
  }

  public CapsuleDto getCapsule() {
    return capsule;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
