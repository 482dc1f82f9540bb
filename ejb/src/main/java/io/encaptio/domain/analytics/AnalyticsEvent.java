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
 * content had no answer, or retrieval found nothing close), and in time every visitor action.
 */
@Entity
@Table(name = "analytics_event")
public class AnalyticsEvent {

  public static final String UNANSWERED = "unanswered";

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
