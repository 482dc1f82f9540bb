package io.encaptio.interfaces.capsule.web;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.CapsuleService.VersionDto;
import io.encaptio.application.ContentService;
import io.encaptio.application.ContentService.ContentDto;
import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.interfaces.problem.ServiceFailures;
import io.encaptio.interfaces.security.CurrentCaller;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The capsule editor: content, assistant (with the prompt preview), action buttons and publishing.
 * The draft is saved as fields change; publishing checks it and lists what to fix.
 */
@Named
@ViewScoped
public class CapsuleEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB CapsuleService service;
  @EJB ContentService contentService;
  @Inject CurrentCaller caller;

  private String id;
  private CapsuleDto capsule;
  private DraftForm draft;
  private List<ContentDto> content;
  private List<VersionDto> versions;
  private OffsetDateTime savedAt;
  private String contentKind = "text";
  private String contentTitle;
  private String contentBody;

  /** Loads the capsule named by the {@code id} view parameter; an unknown one goes to the list. */
  public void load() throws IOException {
    if (capsule != null) {
      return; // postbacks keep the view's state
    }
    try {
      capsule = service.capsule(UUID.fromString(id));
    } catch (IllegalArgumentException | NullPointerException | EJBException e) {
      if (e instanceof EJBException ejb
          && !(ServiceFailures.cause(ejb) instanceof NoSuchCapsuleException)) {
        throw ejb;
      }
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect("capsules.xhtml?missing=true");
      return;
    }
    draft = DraftForm.of(capsule.name(), capsule.draft());
    refreshLists();
  }

  private void refreshLists() {
    content = contentService.content(capsule.id());
    versions = service.versions(capsule.id());
  }

  /** Reloads the content list (the page polls while items are still being ingested). */
  public void refreshContent() {
    content = contentService.content(capsule.id());
  }

  /** Whether any item is still on its way (the page keeps polling until none is). */
  public boolean isIngesting() {
    return content != null
        && content.stream()
            .anyMatch(c -> !"ready".equals(c.stage()) && !"failed".equals(c.stage()));
  }

  /** A file chosen in the Content tab: stored and queued; its stage shows in the list. */
  public void upload(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    try {
      contentService.addFile(capsule.id(), file.getFileName(), file.getContent());
      PageMessages.inform(file.getFileName() + " is uploaded", "It is being indexed now.");
      capsule = service.capsule(capsule.id());
      refreshContent();
    } catch (EJBException e) {
      Throwable cause = ServiceFailures.cause(e);
      String detail =
          cause instanceof InvalidCapsuleException invalid
              ? String.join(" ", invalid.problems().values())
              : cause.getMessage();
      FacesContext.getCurrentInstance()
          .addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR, file.getFileName() + " was not added", detail));
    }
  }

  /** Saves the whole draft (called as fields change); a bad name is shown next to the field. */
  public void save() {
    try {
      capsule = service.saveDraft(capsule.id(), draft.getName(), draft.toSettings());
      savedAt = capsule.updatedAt();
    } catch (EJBException e) {
      if (ServiceFailures.cause(e) instanceof InvalidCapsuleException invalid) {
        PageMessages.fieldProblems("editor", invalid.problems());
      } else {
        PageMessages.refuse("The draft was not saved", e);
      }
    }
  }

  public void publish() {
    save();
    if (FacesContext.getCurrentInstance().isValidationFailed()) {
      return;
    }
    try {
      capsule = service.publish(capsule.id(), caller.identity().username());
      refreshLists();
      PageMessages.inform(
          "Version " + capsule.publishedVersion() + " is published",
          "Visitors see it from now on.");
    } catch (EJBException e) {
      if (ServiceFailures.cause(e) instanceof InvalidCapsuleException invalid) {
        PageMessages.fieldProblems("editor", invalid.problems());
      } else {
        PageMessages.refuse("The capsule was not published", e);
      }
    }
  }

  public void rollBack(int version) {
    try {
      capsule = service.rollBack(capsule.id(), version, caller.identity().username());
      draft = DraftForm.of(capsule.name(), capsule.draft());
      refreshLists();
      PageMessages.inform(
          "Version " + version + " is published again",
          "as version " + capsule.publishedVersion() + "; the draft follows it.");
    } catch (EJBException e) {
      PageMessages.refuse("Nothing was rolled back", e);
    }
  }

  public void addContent() {
    try {
      if ("faq".equals(contentKind)) {
        contentService.addFaq(capsule.id(), contentTitle, contentBody);
      } else {
        contentService.addText(capsule.id(), contentTitle, contentBody);
      }
      PageMessages.inform("Content added", contentTitle);
      contentTitle = null;
      contentBody = null;
      capsule = service.capsule(capsule.id());
      refreshLists();
    } catch (EJBException e) {
      if (ServiceFailures.cause(e) instanceof InvalidCapsuleException invalid) {
        PageMessages.fieldProblems("contentForm", invalid.problems());
      } else {
        PageMessages.refuse("The content was not added", e);
      }
    }
  }

  /** The assistant's prompt with this draft's settings filled in. */
  public String getPromptPreview() {
    return service.promptPreview(draft.getName(), draft.toSettings());
  }

  public boolean isEditor() {
    return caller.identity().canEditCapsules();
  }

  /** Where visitors reach the capsule through the API (the share page comes with delivery). */
  public String getVisitorUrl() {
    var request = FacesContext.getCurrentInstance().getExternalContext();
    return request.getRequestScheme()
        + "://"
        + request.getRequestServerName()
        + ":"
        + request.getRequestServerPort()
        + "/api/public/v1/capsules/"
        + capsule.publicKey();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public CapsuleDto getCapsule() {
    return capsule;
  }

  public DraftForm getDraft() {
    return draft;
  }

  public List<ContentDto> getContent() {
    return content;
  }

  public List<VersionDto> getVersions() {
    return versions;
  }

  public OffsetDateTime getSavedAt() {
    return savedAt;
  }

  public String getContentKind() {
    return contentKind;
  }

  public void setContentKind(String contentKind) {
    this.contentKind = contentKind;
  }

  public String getContentTitle() {
    return contentTitle;
  }

  public void setContentTitle(String contentTitle) {
    this.contentTitle = contentTitle;
  }

  public String getContentBody() {
    return contentBody;
  }

  public void setContentBody(String contentBody) {
    this.contentBody = contentBody;
  }
}
