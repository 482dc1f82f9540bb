package io.encaptio.application;

import io.encaptio.application.access.Audited;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A capsule's golden questions: each with the facts its answer must contain, or to be refused. The
 * set runs as a job after every publish and re-index and on demand; each run shows pass or fail per
 * question and what changed since the run before.
 */
public interface GoldenQuestionService {

  record GoldenQuestionDto(
      UUID id, String question, List<String> expectedFacts, boolean shouldRefuse)
      implements Serializable {}

  /**
   * @param change new, same, broke (passed the run before, fails now) or fixed
   */
  record ResultDto(
      UUID questionId,
      String question,
      boolean passed,
      String outcome,
      String answer,
      List<String> missing,
      String change)
      implements Serializable {}

  /**
   * @param status queued, running, done or failed
   */
  record RunDto(
      UUID id,
      String trigger,
      String status,
      OffsetDateTime queuedAt,
      OffsetDateTime finishedAt,
      int passed,
      int failed,
      String error,
      List<ResultDto> results)
      implements Serializable {}

  @Requires(Permission.VIEW_CAPSULES)
  List<GoldenQuestionDto> questions(UUID capsuleId);

  /**
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException by field
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("golden_question.added")
  GoldenQuestionDto add(UUID capsuleId, String question, List<String> facts, boolean shouldRefuse);

  @Requires(Permission.EDIT_CAPSULE)
  @Audited("golden_question.removed")
  void remove(UUID capsuleId, UUID questionId);

  /**
   * Queues a run now (one waiting run at a time: asking again while one waits answers it).
   *
   * @throws IllegalStateException when the capsule has no golden questions
   */
  @Requires(Permission.EDIT_CAPSULE)
  RunDto runNow(UUID capsuleId);

  /** The capsule's latest runs, newest first; the newest with its results. */
  @Requires(Permission.VIEW_CAPSULES)
  List<RunDto> runs(UUID capsuleId, int max);

  /** A run with its results. */
  @Requires(Permission.VIEW_CAPSULES)
  RunDto run(UUID capsuleId, UUID runId);
}
