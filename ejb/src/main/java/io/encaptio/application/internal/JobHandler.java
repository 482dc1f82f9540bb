package io.encaptio.application.internal;

import io.encaptio.domain.job.Job;

/**
 * Does one kind of job. Runs with the job's tenant current; must be idempotent, because a job whose
 * worker died is run again.
 */
public interface JobHandler {

  String kind();

  /**
   * @throws io.encaptio.domain.content.ContentRejectedException or {@link IllegalArgumentException}
   *     when trying again cannot help (the job is given up at once); any other exception is retried
   */
  void handle(Job job);
}
