package io.encaptio.domain.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A notification on its way to one person's inbox or mailbox, or to one hook.
 *
 * @param recipient the person's subject, or the hook's id
 * @param status pending, sent, failed or skipped
 * @param lastError why the last attempt failed, with the first bytes of the answer
 */
public record Delivery(
    UUID id,
    UUID notificationId,
    NotificationKind kind,
    Channel channel,
    String recipient,
    String status,
    int attempts,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime sentAt,
    OffsetDateTime readAt) {

  public static final String PENDING = "pending";
  public static final String SENT = "sent";
  public static final String FAILED = "failed";

  /** Not sent: the person no longer wants it, or no longer holds a role that sees it. */
  public static final String SKIPPED = "skipped";

  public static Delivery pending(
      UUID notificationId, NotificationKind kind, Channel channel, String recipient) {
    return new Delivery(
        UUID.randomUUID(),
        notificationId,
        kind,
        channel,
        recipient,
        PENDING,
        0,
        null,
        OffsetDateTime.now(java.time.ZoneOffset.UTC),
        null,
        null);
  }

  /** A notification in a person's portal inbox: there as soon as it is stored. */
  public static Delivery inApp(UUID notificationId, NotificationKind kind, String subject) {
    OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.UTC);
    return new Delivery(
        UUID.randomUUID(),
        notificationId,
        kind,
        Channel.IN_APP,
        subject,
        SENT,
        0,
        null,
        now,
        now,
        null);
  }

  public boolean pending() {
    return PENDING.equals(status);
  }
}
