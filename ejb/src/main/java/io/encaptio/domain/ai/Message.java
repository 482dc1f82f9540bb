package io.encaptio.domain.ai;

import io.encaptio.domain.capsule.InvalidCapsuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One message of a conversation: the visitor's (with the question as retrieval read it) or the
 * assistant's (how it answered, its citations, the model and variant, tokens, cost and latency).
 */
@Entity
@Table(name = "message")
public class Message {

  public static final String VISITOR = "visitor";
  public static final String ASSISTANT = "assistant";

  @Id private UUID id;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  private UUID conversationId;

  @Column(nullable = false, updatable = false)
  private int ordinal;

  @Column(nullable = false, length = 16, updatable = false)
  private String role;

  @Column(nullable = false, updatable = false)
  private String text;

  @Column(updatable = false)
  private String standalone;

  @Column(length = 16, updatable = false)
  private String outcome;

  @Convert(converter = CitationsConverter.class)
  @Column(updatable = false)
  private List<Citation> citations;

  @Column(length = 160, updatable = false)
  private String model;

  @Column(length = 1, updatable = false)
  private String variant;

  @Column(nullable = false, updatable = false)
  private boolean cached;

  @Column(name = "input_tokens", nullable = false, updatable = false)
  private int inputTokens;

  @Column(name = "output_tokens", nullable = false, updatable = false)
  private int outputTokens;

  @Column(name = "cost_micros", nullable = false, updatable = false)
  private long costMicros;

  @Column(name = "latency_ms", updatable = false)
  private Integer latencyMs;

  private Short feedback;

  @Column(name = "capsule_version", updatable = false)
  private Integer capsuleVersion;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected Message() {}

  public static Message visitor(UUID conversationId, int ordinal, String text, String standalone) {
    Message message = create(conversationId, ordinal, VISITOR, text);
    message.standalone = standalone;
    return message;
  }

  /**
   * @param usage the model, variant, tokens and cost of the answer
   */
  public static Message assistant(
      UUID conversationId,
      int ordinal,
      AnswerText answer,
      Outcome outcome,
      Usage usage,
      boolean cached,
      int latencyMs,
      Integer capsuleVersion) {
    Message message = create(conversationId, ordinal, ASSISTANT, answer.text());
    message.citations = answer.citations();
    message.outcome = outcome.dbValue();
    message.model = usage.model();
    message.variant = usage.variant();
    message.inputTokens = usage.inputTokens();
    message.outputTokens = usage.outputTokens();
    message.costMicros = usage.costMicros();
    message.cached = cached;
    message.latencyMs = latencyMs;
    message.capsuleVersion = capsuleVersion;
    return message;
  }

  private static Message create(UUID conversationId, int ordinal, String role, String text) {
    Message message = new Message();
    message.id = UUID.randomUUID();
    message.conversationId = conversationId;
    message.ordinal = ordinal;
    message.role = role;
    message.text = text;
    message.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    return message;
  }

  /** A visitor's thumbs up (+1) or down (-1) on this answer; the last one counts. */
  public void feedback(int value) {
    if (!ASSISTANT.equals(role) || (value != 1 && value != -1)) {
      throw new InvalidCapsuleException(
          Map.of("value", "Feedback is +1 or -1 on an assistant's message."));
    }
    feedback = (short) value;
  }

  public UUID id() {
    return id;
  }

  public UUID conversationId() {
    return conversationId;
  }

  public int ordinal() {
    return ordinal;
  }

  public String role() {
    return role;
  }

  public String text() {
    return text;
  }

  public String standalone() {
    return standalone;
  }

  public String outcome() {
    return outcome;
  }

  public List<Citation> citations() {
    return citations == null ? List.of() : citations;
  }

  public String model() {
    return model;
  }

  public String variant() {
    return variant;
  }

  public boolean cached() {
    return cached;
  }

  public Integer latencyMs() {
    return latencyMs;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** The visitor's thumbs up (+1) or down (-1), or null. */
  public Integer feedbackValue() {
    return feedback == null ? null : feedback.intValue();
  }
}
