package io.encaptio.domain.ai;

import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.content.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A question a capsule must keep answering with the facts given (each fact's words must all be in
 * the answer), or must refuse (its content has no answer, and the capsule must not invent one).
 */
@Entity
@Table(name = "golden_question")
public class GoldenQuestion {

  static final int MAX_QUESTION = 2000;
  static final int MAX_FACTS = 10;

  @Id private UUID id;

  @Column(name = "capsule_id", nullable = false, updatable = false)
  private UUID capsuleId;

  @Column(nullable = false, updatable = false)
  private String question;

  @Convert(converter = StringListConverter.class)
  @Column(name = "expected_facts", nullable = false, updatable = false)
  private List<String> expectedFacts;

  @Column(name = "should_refuse", nullable = false, updatable = false)
  private boolean shouldRefuse;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected GoldenQuestion() {}

  /**
   * @throws InvalidCapsuleException for a blank question, no facts for a question that must be
   *     answered, or facts for one that must be refused
   */
  public static GoldenQuestion of(
      UUID capsuleId, String question, List<String> facts, boolean shouldRefuse) {
    Map<String, String> problems = new LinkedHashMap<>();
    String text = Questions.normalise(question);
    if (text.isEmpty() || text.length() > MAX_QUESTION) {
      problems.put("question", "Write the question (1 to " + MAX_QUESTION + " characters).");
    }
    List<String> cleaned =
        facts == null
            ? List.of()
            : facts.stream().map(Questions::normalise).filter(f -> !f.isEmpty()).toList();
    if (shouldRefuse && !cleaned.isEmpty()) {
      problems.put("expectedFacts", "A question that must be refused expects no facts.");
    } else if (!shouldRefuse && cleaned.isEmpty()) {
      problems.put(
          "expectedFacts", "Name at least one fact the answer must contain, for example 15:00.");
    } else if (cleaned.size() > MAX_FACTS) {
      problems.put("expectedFacts", "At most " + MAX_FACTS + " facts per question.");
    }
    if (!problems.isEmpty()) {
      throw new InvalidCapsuleException(problems);
    }
    GoldenQuestion golden = new GoldenQuestion();
    golden.id = UUID.randomUUID();
    golden.capsuleId = capsuleId;
    golden.question = text;
    golden.expectedFacts = cleaned;
    golden.shouldRefuse = shouldRefuse;
    golden.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    return golden;
  }

  /**
   * Judges an answer: a question to refuse passes when the answer was refused; any other passes
   * when it was answered (or hedged) and contains every fact.
   *
   * @return the facts the answer lacks (empty when it passes and facts were expected)
   */
  public Verdict judge(String answer, Outcome outcome) {
    if (shouldRefuse) {
      return new Verdict(outcome == Outcome.REFUSED, List.of());
    }
    List<String> missing = expectedFacts.stream().filter(fact -> !contains(answer, fact)).toList();
    boolean answered = outcome == Outcome.ANSWERED || outcome == Outcome.HEDGED;
    return new Verdict(answered && missing.isEmpty(), missing);
  }

  /** A fact is in the answer when all its words are, in any form (15:00, "check-in"...). */
  private static boolean contains(String answer, String fact) {
    if (answer
        .toLowerCase(java.util.Locale.ROOT)
        .contains(fact.toLowerCase(java.util.Locale.ROOT))) {
      return true;
    }
    var words = Words.of(fact);
    return !words.isEmpty() && Words.of(answer).containsAll(words);
  }

  public record Verdict(boolean passed, List<String> missing) {}

  public UUID id() {
    return id;
  }

  public UUID capsuleId() {
    return capsuleId;
  }

  public String question() {
    return question;
  }

  public List<String> expectedFacts() {
    return expectedFacts;
  }

  public boolean shouldRefuse() {
    return shouldRefuse;
  }
}
