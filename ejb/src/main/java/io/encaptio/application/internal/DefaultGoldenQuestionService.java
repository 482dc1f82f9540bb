package io.encaptio.application.internal;

import io.encaptio.application.GoldenQuestionService;
import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.application.NotFoundException;
import io.encaptio.domain.ai.GoldenQuestion;
import io.encaptio.domain.ai.GoldenRepository;
import io.encaptio.domain.ai.GoldenRun;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.shared.ConflictException;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Each method is one transaction in the current tenant's schema. */
@Stateless
@Local(GoldenQuestionService.class)
public class DefaultGoldenQuestionService implements GoldenQuestionService {

  @Inject CapsuleRepository capsules;
  @Inject GoldenRepository golden;
  @Inject GoldenRuns runs;

  @Override
  public List<GoldenQuestionDto> questions(UUID capsuleId) {
    requireCapsule(capsuleId);
    return golden.questions(capsuleId).stream().map(DefaultGoldenQuestionService::toDto).toList();
  }

  @Override
  public GoldenQuestionDto add(
      UUID capsuleId, String question, List<String> facts, boolean shouldRefuse) {
    requireCapsule(capsuleId);
    GoldenQuestion golden = GoldenQuestion.of(capsuleId, question, facts, shouldRefuse);
    this.golden.add(golden);
    return toDto(golden);
  }

  @Override
  public void remove(UUID capsuleId, UUID questionId) {
    requireCapsule(capsuleId);
    golden.remove(
        golden
            .question(questionId)
            .filter(q -> q.capsuleId().equals(capsuleId))
            .orElseThrow(() -> new NotFoundException("No golden question " + questionId + ".")));
  }

  @Override
  public RunDto runNow(UUID capsuleId) {
    requireCapsule(capsuleId);
    if (!golden.hasQuestions(capsuleId)) {
      throw new ConflictException("The capsule has no golden questions yet; add one first.");
    }
    return runs.queue(capsuleId, GoldenRun.MANUAL)
        .map(run -> toDto(run, false))
        .orElseGet(
            () ->
                golden.runs(capsuleId, 5).stream()
                    .filter(r -> "queued".equals(r.status()))
                    .findFirst()
                    .map(run -> toDto(run, false))
                    .orElseThrow());
  }

  @Override
  public List<RunDto> runs(UUID capsuleId, int max) {
    requireCapsule(capsuleId);
    List<RunDto> found = new ArrayList<>();
    for (GoldenRun run : golden.runs(capsuleId, max)) {
      found.add(toDto(run, found.isEmpty()));
    }
    return found;
  }

  @Override
  public RunDto run(UUID capsuleId, UUID runId) {
    requireCapsule(capsuleId);
    return golden
        .run(runId)
        .filter(r -> r.capsuleId().equals(capsuleId))
        .map(r -> toDto(r, true))
        .orElseThrow(() -> new NotFoundException("No golden run " + runId + "."));
  }

  private RunDto toDto(GoldenRun run, boolean withResults) {
    List<ResultDto> results =
        withResults
            ? golden.results(run.id()).stream()
                .map(
                    r ->
                        new ResultDto(
                            r.questionId(),
                            r.question(),
                            r.passed(),
                            r.outcome(),
                            r.answer(),
                            r.missing(),
                            r.change()))
                .toList()
            : List.of();
    return new RunDto(
        run.id(),
        run.trigger(),
        run.status(),
        run.queuedAt(),
        run.finishedAt(),
        run.passed(),
        run.failedCount(),
        run.error(),
        results);
  }

  private static GoldenQuestionDto toDto(GoldenQuestion q) {
    return new GoldenQuestionDto(q.id(), q.question(), q.expectedFacts(), q.shouldRefuse());
  }

  private void requireCapsule(UUID capsuleId) {
    capsules.find(capsuleId).orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
  }
}
