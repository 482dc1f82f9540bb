package io.encaptio.interfaces.capsule.web;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.CapsuleService.VersionDto;
import io.encaptio.application.ContentService;
import io.encaptio.application.ContentService.ContentDto;
import io.encaptio.domain.capsule.ActionButton;
import io.encaptio.domain.capsule.Brand;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.capsule.LeadForm;
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
  private final java.util.Map<UUID, String> images = new java.util.HashMap<>();
  private String caption;
  private String urlAddress;
  private boolean urlWholeSite;
  private int urlDepth = 1;
  private int urlMaxPages = 20;
  private Integer urlSyncHours;

  /** Loads the capsule named by the {@code id} view parameter; an unknown one goes to the list. */
  public void load() throws IOException {
    if (capsule != null) {
      return; // postbacks keep the view's state
    }
    capsule = CapsulePages.load(service, id);
    if (capsule == null) {
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
      contentService.addFile(capsule.id(), file.getFileName(), file.getContent(), caption);
      PageMessages.inform(file.getFileName() + " is uploaded", "It is being indexed now.");
      capsule = service.capsule(capsule.id());
      refreshContent();
    } catch (EJBException e) {
      refuseFile(file.getFileName() + " was not added", e);
    }
  }

  /** A refused file: what was wrong, as the service said it, at the top of the page. */
  private static void refuseFile(String summary, EJBException e) {
    Throwable cause = ServiceFailures.cause(e);
    String detail =
        cause instanceof InvalidCapsuleException invalid
            ? String.join(" ", invalid.problems().values())
            : cause.getMessage();
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
  }

  /** The logo chosen in the Brand tab: stored, put in the draft; visitors see it once published. */
  public void uploadLogo(FileUploadEvent event) {
    uploadBrandImage("logo", event.getFile());
  }

  public void uploadAvatar(FileUploadEvent event) {
    uploadBrandImage("avatar", event.getFile());
  }

  private void uploadBrandImage(String kind, UploadedFile file) {
    try {
      save(); // what else was typed stays
      capsule = service.uploadBrandImage(capsule.id(), kind, file.getFileName(), file.getContent());
      Brand brand = capsule.draft().brand();
      draft.useImage(kind, "logo".equals(kind) ? brand.logo() : brand.avatar());
      savedAt = capsule.updatedAt();
      PageMessages.inform(
          ("logo".equals(kind) ? "Logo" : "Avatar") + " uploaded",
          "Visitors see it once published.");
    } catch (EJBException e) {
      refuseFile(file.getFileName() + " was not used", e);
    }
  }

  /** The draft's brand as the preview shows it. */
  public Brand getPreviewBrand() {
    return draft.toSettings().brand();
  }

  /** The preview's theme class: light or dark (auto shows light here). */
  public String getPreviewTheme() {
    return "dark".equals(getPreviewBrand().theme()) ? "dark" : "light";
  }

  /** How well text reads on the chosen colour, as the Brand tab says it. */
  public String getContrastHint() {
    Brand brand = getPreviewBrand();
    if (!brand.colorIsValid()) {
      return "Choose the main colour (#rrggbb).";
    }
    return String.format(
        java.util.Locale.ROOT,
        "Text on it reads at %.1f:1; publishing needs 4.5:1 or more.",
        brand.bestTextContrast());
  }

  public List<String> getPreviewQuestions() {
    return draft.toSettings().suggestedQuestions();
  }

  public List<ActionButton> getPreviewActions() {
    return draft.toSettings().actions();
  }

  public String getLogoImage() {
    return image(draft.getLogo());
  }

  public String getAvatarImage() {
    return image(draft.getAvatar());
  }

  /**
   * A brand image as a data: URI (at most 1 MB), or null when there is none. Assets never change,
   * so each is read once per view, not on every redraw of the preview.
   */
  private String image(UUID asset) {
    if (asset == null) {
      return null;
    }
    return images.computeIfAbsent(
        asset,
        id ->
            service
                .brandImage(capsule.id(), id)
                .map(
                    a ->
                        "data:"
                            + a.mediaType()
                            + ";base64,"
                            + java.util.Base64.getEncoder().encodeToString(a.bytes()))
                .orElse(null));
  }

  public List<String> getLeadFieldChoices() {
    return LeadForm.FIELDS;
  }

  public List<String> getFonts() {
    return Brand.FONTS;
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

  /** A web page, or its site within the depth and page limit, maybe synced on a schedule. */
  public void addUrl() {
    try {
      contentService.addUrl(
          capsule.id(),
          urlAddress,
          urlWholeSite ? urlDepth : 0,
          urlWholeSite ? urlMaxPages : 1,
          urlSyncHours);
      PageMessages.inform("Web address added", urlAddress + " is being fetched and indexed.");
      urlAddress = null;
      capsule = service.capsule(capsule.id());
      refreshContent();
    } catch (EJBException e) {
      if (ServiceFailures.cause(e) instanceof InvalidCapsuleException invalid) {
        PageMessages.fieldProblems("urlForm", invalid.problems());
      } else {
        PageMessages.refuse("The address was not added", e);
      }
    }
  }

  /** Fetches a web address again now; it is indexed again only if it changed. */
  public void sync(ContentDto item) {
    act(() -> contentService.syncNow(capsule.id(), item.id()), "Syncing " + item.title());
  }

  /** Stops an item's indexing. */
  public void cancel(ContentDto item) {
    act(
        () -> contentService.cancel(capsule.id(), item.id()),
        "Indexing of " + item.title() + " stopped");
  }

  /** Indexes an item again from its source (another try for a failed one). */
  public void reindex(ContentDto item) {
    act(
        () -> contentService.reindex(capsule.id(), item.id()),
        "Indexing " + item.title() + " again");
  }

  public void remove(ContentDto item) {
    act(
        () -> {
          contentService.remove(capsule.id(), item.id());
          capsule = service.capsule(capsule.id());
        },
        item.title() + " is removed");
  }

  private void act(Runnable action, String done) {
    try {
      action.run();
      PageMessages.inform(done, null);
      refreshContent();
    } catch (EJBException e) {
      PageMessages.refuse("Nothing was done", e);
    }
  }

  /** The assistant's prompt with this draft's settings filled in. */
  public String getPromptPreview() {
    return service.promptPreview(draft.getName(), draft.toSettings());
  }

  public boolean isEditor() {
    return caller.identity().canEditCapsules();
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

  public String getCaption() {
    return caption;
  }

  public void setCaption(String caption) {
    this.caption = caption;
  }

  public String getUrlAddress() {
    return urlAddress;
  }

  public void setUrlAddress(String urlAddress) {
    this.urlAddress = urlAddress;
  }

  public boolean isUrlWholeSite() {
    return urlWholeSite;
  }

  public void setUrlWholeSite(boolean urlWholeSite) {
    this.urlWholeSite = urlWholeSite;
  }

  public int getUrlDepth() {
    return urlDepth;
  }

  public void setUrlDepth(int urlDepth) {
    this.urlDepth = urlDepth;
  }

  public int getUrlMaxPages() {
    return urlMaxPages;
  }

  public void setUrlMaxPages(int urlMaxPages) {
    this.urlMaxPages = urlMaxPages;
  }

  public Integer getUrlSyncHours() {
    return urlSyncHours;
  }

  public void setUrlSyncHours(Integer urlSyncHours) {
    this.urlSyncHours = urlSyncHours;
  }
}
