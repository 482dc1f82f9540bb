package io.encaptio.domain.notification;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Something to tell people about, with the facts its templates show ({@code params}: the capsule's
 * name, the lead's name, the error, ...).
 *
 * @param capsuleId the capsule it is about, or null for the organization
 */
public record Notification(
    UUID id,
    NotificationKind kind,
    UUID capsuleId,
    Map<String, String> params,
    OffsetDateTime createdAt) {

  /** A fact, or the empty text when it was not given. */
  public String param(String name) {
    return params.getOrDefault(name, "");
  }
}
