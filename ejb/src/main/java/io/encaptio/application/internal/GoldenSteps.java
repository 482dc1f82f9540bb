package io.encaptio.application.internal;

import io.encaptio.domain.ai.GoldenQuestion;
import io.encaptio.domain.ai.GoldenRepository;
import io.encaptio.domain.ai.GoldenResult;
import io.encaptio.domain.ai.GoldenRun;
import io.encaptio.domain.ai.Outcome;
import io.encaptio.domain.notification.NotificationKind;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The transactions of a golden run: {@link #start} marks it running and reads its questions, {@link
 * #finish} stores every result with its change since the run before.
 */
@Stateless
@LocalBean
public class GoldenSteps {

  /** A question's answer as the run judged it. */
  public record Checked(GoldenQuestion question, String answer, Outcome outcome) {}

  @Inject GoldenRepository golden;
  @Inject Notifier notifier;

  /** The run's questions, or empty when the run is gone or not waiting any more. */
  public Optional<List<GoldenQuestion>> start(UUID runId) {
    return golden
        .run(runId)
        .filter(run -> !"done".equals(run.status()))
        .map(
            run -> {
              run.running();
              return golden.questions(run.capsuleId());
            });
  }

  public void finish(UUID runId, List<Checked> checked) {
    GoldenRun run = golden.run(runId).orElseThrow();
    Map<UUID, GoldenResult> before =
        golden
            .lastDone(run.capsuleId(), runId)
            .map(last -> golden.results(last.id()))
            .orElse(List.of())
            .stream()
            .collect(Collectors.toMap(GoldenResult::questionId, Function.identity(), (a, b) -> a));
    int passed = 0;
    List<String> broke = new java.util.ArrayList<>();
    for (Checked one : checked) {
      GoldenQuestion.Verdict verdict = one.question().judge(one.answer(), one.outcome());
      GoldenResult result =
          GoldenResult.of(
              runId,
              one.question(),
              verdict,
              one.outcome(),
              one.answer(),
              before.get(one.question().id()));
      golden.add(result);
      passed += verdict.passed() ? 1 : 0;
      if ("broke".equals(result.change())) {
        broke.add("\u201c" + one.question().question() + "\u201d");
      }
    }
    run.done(passed, checked.size() - passed);
    if (!broke.isEmpty()) {
      notifier.raise(
          NotificationKind.GOLDEN_REGRESSED,
          run.capsuleId(),
          runId.toString(),
          Map.of(
              "count",
              "" + broke.size(),
              "questions",
              String.join(", ", broke.subList(0, Math.min(3, broke.size())))
                  + (broke.size() > 3 ? ", \u2026" : "")));
    }
  }

  public void failed(UUID runId, String why) {
    golden.run(runId).ifPresent(run -> run.failed(why));
  }
}
