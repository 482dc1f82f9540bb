package io.encaptio.domain.ai;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Golden questions, their runs and results, in the current tenant's schema. */
public interface GoldenRepository {

  List<GoldenQuestion> questions(UUID capsuleId);

  boolean hasQuestions(UUID capsuleId);

  Optional<GoldenQuestion> question(UUID id);

  void add(GoldenQuestion question);

  void remove(GoldenQuestion question);

  void add(GoldenRun run);

  Optional<GoldenRun> run(UUID id);

  /** The capsule's runs, newest first. */
  List<GoldenRun> runs(UUID capsuleId, int max);

  boolean hasQueuedRun(UUID capsuleId);

  void add(GoldenResult result);

  List<GoldenResult> results(UUID runId);

  /** The newest finished run of the capsule other than {@code except}. */
  Optional<GoldenRun> lastDone(UUID capsuleId, UUID except);
}
