package io.encaptio.application.internal;

import io.encaptio.domain.job.Job;
import java.time.Duration;

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

  /**
   * How long to wait before the next attempt after {@code job}'s attempt failed: by default 5 s
   * times 3 for every attempt before, at most 10 minutes.
   */
  default Duration backoff(Job job) {
    return Duration.ofSeconds((long) Math.min(600, 5 * Math.pow(3, job.attempt() - 1)));
  }
}
