package io.encaptio.interfaces.capsule.web;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.CapsuleService.VersionDto;
import io.encaptio.interfaces.security.CurrentCaller;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The Publish tab's versions: publishing the draft (checked first; what to fix is listed) and
 * publishing an earlier version again.
 */
@Named
@ViewScoped
public class CapsulePublishing implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB CapsuleService capsules;
  @Inject CapsulePage page;
  @Inject DraftEditor draft;
  @Inject CurrentCaller caller;

  private List<VersionDto> versions;

  public List<VersionDto> getVersions() {
    if (versions == null && page.getCapsule() != null) {
      versions = capsules.versions(page.capsuleId());
    }
    return versions;
  }

  public void publish() {
    draft.save();
    if (FacesContext.getCurrentInstance().isValidationFailed()) {
      return;
    }
    try {
      CapsuleDto published = capsules.publish(page.capsuleId(), caller.identity().username());
      page.show(published);
      versions = null;
      PageMessages.inform(
          "Version " + published.publishedVersion() + " is published",
          "Visitors see it from now on.");
    } catch (RuntimeException e) {
      PageMessages.failed("The capsule was not published", e, "editor");
    }
  }

  public void rollBack(int version) {
    try {
      CapsuleDto published =
          capsules.rollBack(page.capsuleId(), version, caller.identity().username());
      page.show(published);
      draft.reload();
      versions = null;
      PageMessages.inform(
          "Version " + version + " is published again",
          "as version " + published.publishedVersion() + "; the draft follows it.");
    } catch (RuntimeException e) {
      PageMessages.failed("Nothing was rolled back", e);
    }
  }
}
