package io.encaptio.domain.ai;

import io.encaptio.domain.content.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/**
 * One golden question's result in a run, and how it changed since the run before: {@code new},
 * {@code same}, {@code broke} (passed before, fails now) or {@code fixed}.
 */
@Entity
@Table(name = "golden_result")
public class GoldenResult {

  @Id private UUID id;

  @Column(name = "run_id", nullable = false, updatable = false)
  private UUID runId;

  @Column(name = "question_id", nullable = false, updatable = false)
  private UUID questionId;

  @Column(nullable = false, updatable = false)
  private String question;

  @Column(nullable = false, updatable = false)
  private boolean passed;

  @Column(nullable = false, length = 16, updatable = false)
  private String outcome;

  @Column(nullable = false, updatable = false)
  private String answer;

  @Convert(converter = StringListConverter.class)
  @Column(nullable = false, updatable = false)
  private List<String> missing;

  @Column(nullable = false, length = 8, updatable = false)
  private String change;

  protected GoldenResult() {}

  /**
   * @param before the question's result in the previous run, or null
   */
  public static GoldenResult of(
      UUID runId,
      GoldenQuestion question,
      GoldenQuestion.Verdict verdict,
      Outcome outcome,
      String answer,
      GoldenResult before) {
    GoldenResult result = new GoldenResult();
    result.id = UUID.randomUUID();
    result.runId = runId;
    result.questionId = question.id();
    result.question = question.question();
    result.passed = verdict.passed();
    result.outcome = outcome.dbValue();
    result.answer = answer;
    result.missing = verdict.missing();
    result.change =
        before == null
            ? "new"
            : before.passed == verdict.passed() ? "same" : verdict.passed() ? "fixed" : "broke";
    return result;
  }

  public UUID questionId() {
    return questionId;
  }

  public String question() {
    return question;
  }

  public boolean passed() {
    return passed;
  }

  public String outcome() {
    return outcome;
  }

  public String answer() {
    return answer;
  }

  public List<String> missing() {
    return missing;
  }

  public String change() {
    return change;
  }
}
