package io.encaptio.domain.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Something integrations (webhooks, CRM pushes) are told about, such as a lead captured: written in
 * the transaction of the change, so it is never lost nor sent for a change that was rolled back.
 * The payload is JSON. Tenant-scoped (META-INF/tenant-orm.xml).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

  public static final String LEAD_CAPTURED = "lead.captured";

  @Id private UUID id;

  @Column(nullable = false, length = 64, updatable = false)
  private String kind;

  @Column(name = "capsule_id", updatable = false)
  private UUID capsuleId;

  @Column(nullable = false, updatable = false)
  private String payload;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected OutboxEvent() {}

  public static OutboxEvent of(String kind, UUID capsuleId, String payload) {
    OutboxEvent event = new OutboxEvent();
    event.id = UUID.randomUUID();
    event.kind = kind;
    event.capsuleId = capsuleId;
    event.payload = payload;
    event.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    return event;
  }

  public UUID id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public UUID capsuleId() {
    return capsuleId;
  }

  public String payload() {
    return payload;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
