package io.encaptio.domain.ai;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A conversation with a capsule's assistant on one channel (the editors' playground, the share
 * page, the widget, the API), started by an editor or a visitor. Its messages remember what was
 * asked, so follow-ups can be understood. Tenant-scoped (META-INF/tenant-orm.xml).
 */
@Entity
@Table(name = "conversation")
public class Conversation {

  public static final String PLAYGROUND = "playground";

  @Id private UUID id;

  @Column(name = "capsule_id", nullable = false, updatable = false)
  private UUID capsuleId;

  @Column(nullable = false, length = 16, updatable = false)
  private String channel;

  @Column(name = "started_by", nullable = false, updatable = false)
  private String startedBy;

  @Column(name = "started_at", nullable = false, updatable = false)
  private OffsetDateTime startedAt;

  @Column(name = "last_at", nullable = false)
  private OffsetDateTime lastAt;

  /** The visitor's id on a visitor channel (widget, share page, API): who may resume it. */
  @Column(name = "visitor_id", length = 80, updatable = false)
  private String visitorId;

  /** The page's origin when a visitor started it from a browser. */
  @Column(length = 255, updatable = false)
  private String origin;

  protected Conversation() {}

  public static Conversation start(UUID capsuleId, String channel, String startedBy) {
    Conversation conversation = new Conversation();
    conversation.id = UUID.randomUUID();
    conversation.capsuleId = capsuleId;
    conversation.channel = channel;
    conversation.startedBy = startedBy;
    conversation.startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    conversation.lastAt = conversation.startedAt;
    return conversation;
  }

  /** A visitor's conversation on the share page, the widget or the public API. */
  public static Conversation startForVisitor(
      UUID capsuleId, String channel, String visitorId, String identity, String origin) {
    Conversation conversation =
        start(capsuleId, channel, identity == null ? "visitor" : "visitor:" + identity);
    conversation.visitorId = visitorId;
    conversation.origin = origin;
    return conversation;
  }

  public boolean belongsTo(String visitor) {
    return visitorId != null && visitorId.equals(visitor);
  }

  public String visitorId() {
    return visitorId;
  }

  public void touched() {
    lastAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public UUID id() {
    return id;
  }

  public UUID capsuleId() {
    return capsuleId;
  }

  public String channel() {
    return channel;
  }

  public String startedBy() {
    return startedBy;
  }
}
