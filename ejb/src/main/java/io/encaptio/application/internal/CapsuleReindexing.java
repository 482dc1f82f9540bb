package io.encaptio.application.internal;

import io.encaptio.domain.content.ContentItem;
import io.encaptio.domain.content.ContentRepository;
import io.encaptio.domain.job.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Queues every item of a capsule to be indexed again, in the caller's transaction: after a change
 * that alters how its chunks are made or searched (the embedding model or chunk sizes, the language
 * its keywords are stemmed in). Each item keeps its chunks, and answers use them, until its job
 * replaces them.
 */
@ApplicationScoped
class CapsuleReindexing {

  private static final Logger LOG = Logger.getLogger(CapsuleReindexing.class.getName());

  @Inject ContentRepository content;
  @Inject JobQueue jobs;

  /**
   * @param why what changed, for the log
   * @return how many items were queued
   */
  int requeueAll(UUID capsuleId, String why) {
    List<ContentItem> items = content.ofCapsule(capsuleId);
    for (ContentItem item : items) {
      item.requeue();
      jobs.enqueue(JobQueue.INGEST_CONTENT, item.id());
    }
    LOG.info(
        () ->
            "Capsule "
                + capsuleId
                + " "
                + why
                + "; "
                + items.size()
                + " items queued to be indexed again");
    return items.size();
  }
}
