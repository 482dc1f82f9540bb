package io.encaptio.interfaces.content.web;

import io.encaptio.application.ContentService;
import io.encaptio.application.ContentService.IndexingChange;
import io.encaptio.application.ContentService.IndexingDto;
import io.encaptio.application.ContentService.ModelDto;
import io.encaptio.interfaces.capsule.web.CapsulePage;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The Content tab's indexing settings: the embedding model and chunk size of the capsule the editor
 * shows. Saving other settings queues every item to be indexed again.
 */
@Named
@ViewScoped
public class CapsuleIndexing implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB ContentService contentService;
  @Inject CapsulePage page;
  @Inject CapsuleContent content;

  private IndexingDto current;
  private String model;
  private Integer chunkTokens;
  private Integer overlapTokens;

  private IndexingDto current() {
    if (current == null && page.getCapsule() != null) {
      show(contentService.indexing(page.getCapsule().id()));
    }
    return current;
  }

  private void show(IndexingDto indexing) {
    current = indexing;
    model = indexing.model();
    chunkTokens = indexing.chunkTokens();
    overlapTokens = indexing.overlapTokens();
  }

  public void save() {
    try {
      IndexingDto before = current();
      // an emptied field is refused (-1), not kept: the form shows every setting
      IndexingDto saved =
          contentService.changeIndexing(
              page.capsuleId(),
              new IndexingChange(
                  model,
                  chunkTokens == null ? -1 : chunkTokens,
                  overlapTokens == null ? -1 : overlapTokens));
      show(saved);
      if (saved.equals(before)) {
        PageMessages.inform("Nothing changed", "The content keeps its index.");
      } else {
        PageMessages.inform(
            "Indexing settings saved",
            "Every item is being indexed again; answers use its earlier index until it is ready.");
        content.refresh();
      }
    } catch (RuntimeException e) {
      PageMessages.failed("The indexing settings were not changed", e, "editor:tabs");
    }
  }

  public List<ModelDto> getModels() {
    return current() == null ? List.of() : current().models();
  }

  /** The window of the chosen model, for the hint next to the chunk size. */
  public int getModelWindow() {
    return getModels().stream()
        .filter(m -> m.id().equals(getModel()))
        .mapToInt(ModelDto::maxTokens)
        .findFirst()
        .orElse(0);
  }

  public String getModel() {
    current();
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public Integer getChunkTokens() {
    current();
    return chunkTokens;
  }

  public void setChunkTokens(Integer chunkTokens) {
    this.chunkTokens = chunkTokens;
  }

  public Integer getOverlapTokens() {
    current();
    return overlapTokens;
  }

  public void setOverlapTokens(Integer overlapTokens) {
    this.overlapTokens = overlapTokens;
  }
}
