package io.encaptio.application.internal;

import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.job.Job;
import io.encaptio.domain.job.JobQueue;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Purges a soft-deleted capsule once its retention has passed: the capsule, its versions and all
 * its content (files, chunks) go in one transaction, the EJB's. A capsule that is no longer deleted
 * (an operator recovered it) is left alone.
 */
@Stateless
@Local(JobHandler.class)
public class PurgeCapsuleJob implements JobHandler {

  private static final Logger LOG = Logger.getLogger(PurgeCapsuleJob.class.getName());

  @Inject CapsuleRepository capsules;

  @Override
  public String kind() {
    return JobQueue.PURGE_CAPSULE;
  }

  @Override
  public void handle(Job job) {
    capsules
        .findDeleted(job.subjectId())
        .ifPresent(
            capsule -> {
              capsules.remove(capsule);
              LOG.info(() -> "Capsule " + capsule.id() + " purged with all its content");
            });
  }
}
