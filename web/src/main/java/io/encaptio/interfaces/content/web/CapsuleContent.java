package io.encaptio.interfaces.content.web;

import io.encaptio.application.ContentService;
import io.encaptio.application.ContentService.ContentDto;
import io.encaptio.interfaces.capsule.web.CapsulePage;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The Content tab: the capsule's items with their ingestion stage (the page polls while any is on
 * its way), file uploads, and what an editor does to an item: fetch again, stop, index again,
 * remove.
 */
@Named
@ViewScoped
public class CapsuleContent implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB ContentService content;
  @Inject CapsulePage page;

  private List<ContentDto> items;
  private String caption;

  public List<ContentDto> getItems() {
    if (items == null && page.getCapsule() != null) {
      refresh();
    }
    return items;
  }

  /** Reads the items again (the page polls while items are still being ingested). */
  public void refresh() {
    items = content.content(page.capsuleId());
  }

  /** Whether any item is still on its way (the page keeps polling until none is). */
  public boolean isIngesting() {
    return getItems() != null
        && items.stream().anyMatch(c -> !"ready".equals(c.stage()) && !"failed".equals(c.stage()));
  }

  /** A file chosen in the Content tab: stored and queued; its stage shows in the list. */
  public void upload(FileUploadEvent event) {
    UploadedFile file = event.getFile();
    try {
      content.addFile(page.capsuleId(), file.getFileName(), file.getContent(), caption);
      PageMessages.inform(file.getFileName() + " is uploaded", "It is being indexed now.");
      page.refresh();
      refresh();
    } catch (RuntimeException e) {
      PageMessages.failed(file.getFileName() + " was not added", e);
    }
  }

  /** Fetches a web address again now; it is indexed again only if it changed. */
  public void sync(ContentDto item) {
    act(() -> content.syncNow(page.capsuleId(), item.id()), "Syncing " + item.title());
  }

  /** Stops an item's indexing. */
  public void cancel(ContentDto item) {
    act(
        () -> content.cancel(page.capsuleId(), item.id()),
        "Indexing of " + item.title() + " stopped");
  }

  /** Indexes an item again from its source (another try for a failed one). */
  public void reindex(ContentDto item) {
    act(() -> content.reindex(page.capsuleId(), item.id()), "Indexing " + item.title() + " again");
  }

  public void remove(ContentDto item) {
    act(
        () -> {
          content.remove(page.capsuleId(), item.id());
          page.refresh();
        },
        item.title() + " is removed");
  }

  private void act(Runnable action, String done) {
    try {
      action.run();
      PageMessages.inform(done, null);
      refresh();
    } catch (RuntimeException e) {
      PageMessages.failed("Nothing was done", e);
    }
  }

  public String getCaption() {
    return caption;
  }

  public void setCaption(String caption) {
    this.caption = caption;
  }
}
