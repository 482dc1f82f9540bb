package io.encaptio.application.internal;

import io.encaptio.domain.ai.GoldenQuestion;
import io.encaptio.domain.job.Job;
import io.encaptio.domain.job.JobQueue;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs a capsule's golden questions through the whole answering pipeline, as visitors would be
 * answered now (published version, current index and models; never the cache, never stored as a
 * conversation), and stores the results. A run that is done already is not run again.
 */
@ApplicationScoped
public class RunGoldenQuestionsJob implements JobHandler {

  private static final Logger LOG = Logger.getLogger(RunGoldenQuestionsJob.class.getName());

  @EJB GoldenSteps steps;
  @EJB AssistantSteps assistant;
  @Inject Answering answering;

  @Override
  public String kind() {
    return JobQueue.RUN_GOLDEN_QUESTIONS;
  }

  @Override
  public void handle(Job job) {
    Optional<List<GoldenQuestion>> questions = steps.start(job.subjectId());
    if (questions.isEmpty()) {
      return;
    }
    List<GoldenSteps.Checked> checked = new ArrayList<>();
    try {
      for (GoldenQuestion question : questions.get()) {
        Prepared prepared = assistant.prepareCheck(question.capsuleId(), question.question());
        Answered answered = answering.answer(prepared, token -> {});
        checked.add(
            new GoldenSteps.Checked(question, answered.answer().text(), answered.outcome()));
      }
    } catch (RuntimeException failure) {
      steps.failed(job.subjectId(), String.valueOf(failure.getMessage()));
      throw failure;
    }
    steps.finish(job.subjectId(), checked);
    LOG.info(() -> "Golden run " + job.subjectId() + ": " + checked.size() + " questions checked");
  }
}
