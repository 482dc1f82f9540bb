package io.encaptio.application.internal;

import io.encaptio.domain.content.ChunkDraft;
import io.encaptio.domain.content.ContentItem;
import io.encaptio.domain.content.ContentRepository;
import io.encaptio.domain.content.ContentStage;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database steps of ingesting one content item, each committed on its own so the Content tab
 * sees the stage move while parsing and embedding run outside any transaction. Runs in the current
 * tenant's schema.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IngestionSteps {

  @Inject ContentRepository content;

  /** What to index: the item and, for a file, its bytes; empty when the item is gone. */
  public record Source(ContentItem item, byte[] bytes) {}

  public Optional<Source> begin(UUID itemId) {
    return content
        .find(itemId)
        .map(
            item -> {
              item.reached(ContentStage.PARSING, 5);
              return new Source(item, "file".equals(item.kind()) ? content.blob(itemId) : null);
            });
  }

  public void reached(UUID itemId, ContentStage stage, int percent) {
    content.find(itemId).ifPresent(item -> item.reached(stage, percent));
  }

  /** Replaces the item's chunks and marks it ready, in one transaction. */
  public void finish(UUID itemId, List<ChunkDraft> chunks, List<float[]> vectors, String model) {
    content
        .find(itemId)
        .ifPresent(
            item -> {
              content.replaceChunks(itemId, item.capsuleId(), chunks, vectors, model);
              item.ready(chunks.size());
            });
  }

  /** Marks the item failed with what to do, and removes any chunks an earlier run left. */
  public void fail(UUID itemId, String message) {
    content
        .find(itemId)
        .ifPresent(
            item -> {
              content.removeChunks(itemId);
              item.failed(message);
            });
  }
}
