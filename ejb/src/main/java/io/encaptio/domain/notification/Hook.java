package io.encaptio.domain.notification;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * One of the organization's Slack or Teams incoming webhooks.
 *
 * @param sealedUrl the address, sealed (whoever holds it can post into the channel)
 * @param urlHint what may be shown of the address: its host and last characters
 * @param kinds what the hook is told about
 */
public record Hook(
    UUID id,
    Channel channel,
    String name,
    String sealedUrl,
    String urlHint,
    Set<NotificationKind> kinds,
    String language,
    String createdBy,
    OffsetDateTime createdAt) {}
