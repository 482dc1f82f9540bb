package io.encaptio.application.internal;

import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.job.Job;
import io.encaptio.domain.job.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Live sync of a URL source: fetches it again and compares the hash of what it serves with what was
 * indexed. Unchanged: nothing is re-indexed. Changed: it is indexed again and its chunks are
 * replaced in one transaction. Failed: the chunks it had stay searchable, the failure is counted
 * (three in a row flag the source stale) and the next sync is planned all the same. The job itself
 * never fails, so the queue's retries don't hammer a site that is down.
 */
@ApplicationScoped
public class SyncContentJob implements JobHandler {

  private static final Logger LOG = Logger.getLogger(SyncContentJob.class.getName());

  @Inject IngestionSteps steps;
  @Inject WebSources web;
  @Inject IngestContentJob ingestion;

  @Override
  public String kind() {
    return JobQueue.SYNC_CONTENT;
  }

  @Override
  public void handle(Job job) {
    Optional<IngestionSteps.Source> source = steps.beginSync(job.subjectId());
    if (source.isEmpty()) {
      return; // gone, no longer synced, or planned again for later by another sync
    }
    try {
      long start = System.nanoTime();
      WebSources.Fetched fetched = web.fetch(source.get().item());
      if (steps.unchanged(job.subjectId(), fetched.sha256())) {
        steps.synced(job.subjectId());
        LOG.fine(() -> "Synced " + source.get().item().sourceUrl() + ": unchanged");
        return;
      }
      ingestion.index(
          job,
          source.get().indexing(),
          source.get().language(),
          web.blocks(fetched),
          fetched,
          start);
      LOG.info(() -> "Synced " + source.get().item().sourceUrl() + ": changed, indexed again");
    } catch (ContentRejectedException rejected) {
      steps.syncFailed(job.subjectId(), rejected.getMessage());
    } catch (RuntimeException e) {
      LOG.warning(() -> "Sync of " + source.get().item().sourceUrl() + " failed: " + e);
      steps.syncFailed(
          job.subjectId(), "The last sync failed unexpectedly; it is tried again at the next one.");
    }
  }
}
