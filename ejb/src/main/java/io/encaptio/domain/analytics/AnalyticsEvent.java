package io.encaptio.domain.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Something that happened in a capsule's conversations and is counted: an unanswered question (the
 * content had no answer, or retrieval found nothing close) and every visitor action.
 */
@Entity
@Table(name = "analytics_event")
public class AnalyticsEvent {

  public static final String UNANSWERED = "unanswered";

  /** Visitor actions: a conversation opened, a question, its answer (detail: the outcome). */
  public static final String OPEN = "open";

  public static final String MESSAGE = "message";
  public static final String ANSWER = "answer";

  /** Detail: +1 or -1. */
  public static final String FEEDBACK = "feedback";

  public static final String LEAD = "lead";

  /** Detail: the button's label. */
  public static final String BUTTON_CLICK = "button-click";

  @Id private UUID id;

  @Column(name = "capsule_id", nullable = false, updatable = false)
  private UUID capsuleId;

  @Column(nullable = false, length = 32, updatable = false)
  private String kind;

  @Column(name = "conversation_id", updatable = false)
  private UUID conversationId;

  @Column(name = "message_id", updatable = false)
  private UUID messageId;

  @Column(updatable = false)
  private String detail;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected AnalyticsEvent() {}

  public static AnalyticsEvent of(
      UUID capsuleId, String kind, UUID conversationId, UUID messageId, String detail) {
    AnalyticsEvent event = new AnalyticsEvent();
    event.id = UUID.randomUUID();
    event.capsuleId = capsuleId;
    event.kind = kind;
    event.conversationId = conversationId;
    event.messageId = messageId;
    event.detail = detail;
    event.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    return event;
  }

  public UUID id() {
    return id;
  }

  public UUID capsuleId() {
    return capsuleId;
  }

  public String kind() {
    return kind;
  }

  public UUID conversationId() {
    return conversationId;
  }

  public UUID messageId() {
    return messageId;
  }

  public String detail() {
    return detail;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
