package io.encaptio.application.internal;

import io.encaptio.domain.ai.GoldenRepository;
import io.encaptio.domain.ai.GoldenRun;
import io.encaptio.domain.job.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues a golden-question run in the caller's transaction (with the publish or the re-index that
 * asks for it): none for a capsule without golden questions, and no second one while one waits.
 */
@ApplicationScoped
class GoldenRuns {

  @Inject GoldenRepository golden;
  @Inject JobQueue jobs;

  Optional<GoldenRun> queue(UUID capsuleId, String trigger) {
    if (!golden.hasQuestions(capsuleId) || golden.hasQueuedRun(capsuleId)) {
      return Optional.empty();
    }
    GoldenRun run = GoldenRun.queued(capsuleId, trigger);
    golden.add(run);
    jobs.enqueue(JobQueue.RUN_GOLDEN_QUESTIONS, run.id());
    return Optional.of(run);
  }
}
