package io.encaptio.application.internal;

import io.encaptio.domain.capsule.Capsule;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.job.JobQueue;
import io.encaptio.domain.notification.Notification;
import io.encaptio.domain.notification.NotificationKind;
import io.encaptio.domain.notification.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Raises notifications in the caller's transaction (the change that causes one and the notification
 * commit together or not at all) and queues the job that tells people about it.
 */
@ApplicationScoped
public class Notifier {

  @Inject NotificationRepository notifications;
  @Inject CapsuleRepository capsules;
  @Inject JobQueue jobs;

  /**
   * Raises a notification about a capsule (or the organization: {@code capsuleId} null), unless one
   * with the same key was raised before (a job that runs again raises nothing twice). The capsule's
   * name is added to the facts.
   *
   * @param dedupeKey what makes it this notification and no other: the kind and the ids of what it
   *     is about
   */
  public void raise(
      NotificationKind kind, UUID capsuleId, String dedupeKey, Map<String, String> facts) {
    Map<String, String> params = new LinkedHashMap<>(facts);
    if (capsuleId != null) {
      params.put(
          "capsule", capsules.find(capsuleId).map(Capsule::name).orElse("a deleted capsule"));
    }
    Notification notification =
        new Notification(
            UUID.randomUUID(), kind, capsuleId, params, OffsetDateTime.now(ZoneOffset.UTC));
    if (notifications.add(notification, kind.key() + ":" + dedupeKey)) {
      jobs.enqueue(JobQueue.NOTIFY, notification.id());
    }
  }

  /** Whether a notification of this kind and key was raised already. */
  public boolean raised(NotificationKind kind, String dedupeKey) {
    return notifications.raised(kind.key() + ":" + dedupeKey);
  }
}
