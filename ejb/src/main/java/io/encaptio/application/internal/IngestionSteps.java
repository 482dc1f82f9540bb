package io.encaptio.application.internal;

import io.encaptio.domain.ai.GoldenRun;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.capsule.IndexingSettings;
import io.encaptio.domain.content.ChunkDraft;
import io.encaptio.domain.content.ContentItem;
import io.encaptio.domain.content.ContentRepository;
import io.encaptio.domain.content.ContentStage;
import io.encaptio.domain.job.JobQueue;
import io.encaptio.domain.notification.NotificationKind;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The database steps of ingesting one content item, each committed on its own so the Content tab
 * sees the stage move while parsing and embedding run outside any transaction. Runs in the current
 * tenant's schema.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IngestionSteps {

  private static final Logger LOG = Logger.getLogger(IngestionSteps.class.getName());

  @Inject ContentRepository content;
  @Inject GoldenRuns goldenRuns;
  @Inject CapsuleRepository capsules;
  @Inject JobQueue jobs;
  @Inject Notifier notifier;

  /**
   * What to index: the item, for a file its bytes, and how its capsule indexes content; empty when
   * the item (or its capsule) is gone.
   */
  public record Source(
      ContentItem item, byte[] bytes, IndexingSettings indexing, String language) {}

  public Optional<Source> begin(UUID itemId) {
    return content
        .find(itemId)
        .flatMap(
            item ->
                capsules
                    .find(item.capsuleId())
                    .map(
                        capsule -> {
                          item.reached(ContentStage.PARSING, 5);
                          byte[] bytes = "file".equals(item.kind()) ? content.blob(itemId) : null;
                          return new Source(
                              item, bytes, capsule.indexing(), capsule.draft().language());
                        }));
  }

  /** The job moved on (nothing changes once the job was cancelled: the cancel's state stays). */
  public void reached(UUID jobId, UUID itemId, ContentStage stage, int percent) {
    if (jobs.stillWanted(jobId)) {
      content.find(itemId).ifPresent(item -> item.reached(stage, percent));
    }
  }

  /**
   * Replaces the item's chunks and marks it ready, in one transaction, which also gathers the chunk
   * statistics when the change is large against them ({@link ContentRepository#analyzeAfter}), so
   * the planner knows the rows before anyone sees the item ready. For a URL source it also records
   * what was fetched, counts as a sync, and plans the next one if it syncs. Nothing is written when
   * the job was cancelled meanwhile, or when the capsule's indexing settings or language changed
   * since the job read them (the job queued by that change indexes the item).
   */
  public void finish(
      UUID jobId,
      UUID itemId,
      List<ChunkDraft> chunks,
      List<float[]> vectors,
      List<byte[]> sentenceVectors,
      String language,
      IndexingSettings indexedWith,
      WebSources.Fetched fetched) {
    if (!jobs.stillWanted(jobId)) {
      cancelled(jobId, itemId);
      return;
    }
    String model = indexedWith.model();
    content
        .find(itemId)
        .filter(
            item ->
                capsules
                    .find(item.capsuleId())
                    .map(
                        c ->
                            c.indexing().equals(indexedWith)
                                && c.draft().language().equals(language))
                    .orElse(false))
        .ifPresent(
            item -> {
              content.replaceChunks(
                  itemId, item.capsuleId(), chunks, vectors, sentenceVectors, model, language);
              if (content.analyzeAfter(chunks.size())) {
                LOG.fine(
                    () -> "Statistics gathered after " + chunks.size() + " chunks were written");
              }
              item.ready(chunks.size());
              goldenRuns.queue(item.capsuleId(), GoldenRun.REINDEX);
              if (fetched != null) {
                item.fetched(fetched.sha256(), fetched.pages().size());
                synced(item);
              }
            });
  }

  /**
   * A URL source for a sync that is due now; empty when the item is gone, does not sync any more,
   * or its sync was planned again for later (this job is superseded).
   */
  public Optional<Source> beginSync(UUID itemId) {
    return content
        .find(itemId)
        .filter(item -> item.syncDue(now()))
        .flatMap(
            item ->
                capsules
                    .find(item.capsuleId())
                    .map(
                        capsule ->
                            new Source(
                                item, null, capsule.indexing(), capsule.draft().language())));
  }

  /** Whether the source serves what it served when it was last indexed. */
  public boolean unchanged(UUID itemId, String sha256) {
    return content.find(itemId).map(item -> item.fetchedSameAs(sha256)).orElse(true);
  }

  /** A sync fetched the source (changed or not); the next one is planned. */
  public void synced(UUID itemId) {
    content.find(itemId).ifPresent(this::synced);
  }

  private void synced(ContentItem item) {
    item.synced(now());
    planNextSync(item);
  }

  /** A sync failed: the item keeps its chunks, counts the failure and plans the next sync. */
  public void syncFailed(UUID itemId, String message) {
    content
        .find(itemId)
        .ifPresent(
            item -> {
              item.syncFailed(message);
              planNextSync(item);
              if (item.syncFailures() == ContentItem.STALE_AFTER) {
                notifier.raise(
                    NotificationKind.SOURCE_STALE,
                    item.capsuleId(),
                    item.id() + ":" + System.currentTimeMillis(),
                    Map.of(
                        "item",
                        item.sourceUrl() != null ? item.sourceUrl() : item.title(),
                        "failures",
                        "" + item.syncFailures(),
                        "error",
                        String.valueOf(message)));
              }
            });
  }

  private void planNextSync(ContentItem item) {
    item.planNextSync(now())
        .ifPresent(due -> jobs.enqueueAt(JobQueue.SYNC_CONTENT, item.id(), due.toInstant()));
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  /**
   * The job was cancelled: earlier chunks (if any) stay, the item says so, unless the item was
   * queued again since (index it again right after a cancel), when the later job owns it and a
   * cancelled job that stops only now must not mark it cancelled over that job's progress.
   */
  public void cancelled(UUID jobId, UUID itemId) {
    if (!jobs.superseded(jobId)) {
      content.find(itemId).ifPresent(ContentItem::cancelled);
    }
  }

  /**
   * Indexing failed for good: an item never indexed is marked failed with what to do; one indexed
   * before keeps its chunks and says the last indexing failed (a re-index that cannot fetch or read
   * its source never takes searchable content away). A cancelled job's item shows the cancel.
   */
  public void fail(UUID jobId, UUID itemId, String message) {
    if (!jobs.stillWanted(jobId)) {
      cancelled(jobId, itemId);
      return;
    }
    content
        .find(itemId)
        .ifPresent(
            item -> {
              item.indexingFailed(message);
              notifier.raise(
                  NotificationKind.ITEM_FAILED,
                  item.capsuleId(),
                  item.id() + ":" + jobId,
                  Map.of("item", item.title(), "error", String.valueOf(message)));
            });
  }
}
