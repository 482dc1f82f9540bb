package io.encaptio.application.internal;

import io.encaptio.domain.ai.SecretBox;
import io.encaptio.domain.job.JobQueue;
import io.encaptio.domain.notification.Channel;
import io.encaptio.domain.notification.Delivery;
import io.encaptio.domain.notification.Hook;
import io.encaptio.domain.notification.Notification;
import io.encaptio.domain.notification.NotificationKind;
import io.encaptio.domain.notification.NotificationRepository;
import io.encaptio.domain.notification.NotificationRepository.Entry;
import io.encaptio.domain.notification.NotificationTexts;
import io.encaptio.domain.notification.NotificationTexts.Text;
import io.encaptio.domain.notification.Preferences;
import io.encaptio.domain.shared.Mailer;
import io.encaptio.domain.user.MemberStatus;
import io.encaptio.domain.user.UserProfile;
import io.encaptio.domain.user.UserProfileRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The notification jobs' steps, each a transaction of its own in the job's tenant. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NotificationSteps {

  /** What became of a delivery's e-mail. */
  public enum Mailed {
    /** Sent, with the person's other pending notifications of its kind. */
    SENT,
    /** Held back: the person was mailed about this kind within the digest window. */
    HELD,
    /** Nothing to send: sent with another already, or no longer wanted (skipped). */
    NOTHING
  }

  /** A post to a hook, ready to be made outside any transaction. */
  public record HookCall(Channel channel, String url, Text text, String link, String open) {}

  @Inject NotificationRepository notifications;
  @Inject UserProfileRepository people;
  @Inject JobQueue jobs;
  @Inject Mailer mailer;
  @Inject SecretBox secrets;

  @Inject NotificationLinks links;

  /**
   * Creates the notification's deliveries: in the portal and by e-mail for every active person
   * whose role sees its kind and who wants it there, and to every hook that listens for it; queues
   * a job per e-mail and hook delivery. Running it again adds nothing.
   *
   * @return how many deliveries were created
   */
  public int fanOut(UUID notificationId) {
    Optional<Notification> found = notifications.find(notificationId);
    if (found.isEmpty()) {
      return 0;
    }
    Notification notification = found.get();
    NotificationKind kind = notification.kind();
    Map<String, Map<NotificationKind, Map<Channel, Boolean>>> choices =
        notifications.allPreferences();
    Map<NotificationKind, Map<Channel, Boolean>> organization =
        choices.getOrDefault(NotificationRepository.ORGANIZATION, Map.of());
    int created = 0;
    for (UserProfile person : people.members()) {
      if (person.status() != MemberStatus.ACTIVE || !person.role().atLeast(kind.minimum())) {
        continue;
      }
      Map<NotificationKind, Map<Channel, Boolean>> own =
          choices.getOrDefault(person.subject(), Map.of());
      if (Preferences.wants(own, organization, kind, Channel.IN_APP)
          && notifications.addDelivery(Delivery.inApp(notification.id(), kind, person.subject()))) {
        created++;
      }
      if (person.email() != null
          && !person.email().isBlank()
          && Preferences.wants(own, organization, kind, Channel.EMAIL)) {
        created +=
            queued(Delivery.pending(notification.id(), kind, Channel.EMAIL, person.subject()));
      }
    }
    for (Hook hook : notifications.hooks()) {
      if (hook.kinds().contains(kind)) {
        created +=
            queued(Delivery.pending(notification.id(), kind, hook.channel(), hook.id().toString()));
      }
    }
    return created;
  }

  private int queued(Delivery delivery) {
    if (!notifications.addDelivery(delivery)) {
      return 0;
    }
    jobs.enqueue(JobQueue.DELIVER_NOTIFICATION, delivery.id());
    return 1;
  }

  /** The delivery if it still waits to be sent. */
  public Optional<Delivery> pending(UUID deliveryId) {
    return notifications.delivery(deliveryId).filter(Delivery::pending);
  }

  /**
   * Mails the person about the delivery's notification, together with their other pending ones of
   * its kind (a digest), unless they were mailed about that kind less than {@code window} ago: then
   * the delivery waits for a job at the window's end. One person's mails of one kind are sent one
   * at a time (a lock held to the end of the transaction), so no notification is mailed twice.
   */
  public Mailed mail(UUID deliveryId, Duration window) {
    Optional<Delivery> found = notifications.delivery(deliveryId);
    if (found.isEmpty()) {
      return Mailed.NOTHING;
    }
    Delivery delivery = found.get();
    notifications.lockMailbox(delivery.recipient(), delivery.kind());
    if (!pending(deliveryId).isPresent()) {
      return Mailed.NOTHING; // sent with another one while this job waited for the lock
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    Optional<OffsetDateTime> last = notifications.lastMailed(delivery.recipient(), delivery.kind());
    if (last.isPresent() && last.get().plus(window).isAfter(now)) {
      jobs.enqueueAt(
          JobQueue.DELIVER_NOTIFICATION, deliveryId, last.get().plus(window).toInstant());
      return Mailed.HELD;
    }
    List<Entry> waiting = notifications.pendingMails(delivery.recipient(), delivery.kind());
    Optional<String> unwanted = unwanted(delivery);
    if (unwanted.isPresent()) {
      for (Entry entry : waiting) {
        notifications.skipped(entry.delivery().id(), unwanted.get());
      }
      return Mailed.NOTHING;
    }
    UserProfile person = people.find(delivery.recipient()).orElseThrow();
    String language = notifications.languageOf(delivery.recipient());
    mailer.send(person.email(), subject(waiting, language), body(waiting, language));
    for (Entry entry : waiting) {
      notifications.sent(entry.delivery().id(), now);
    }
    return Mailed.SENT;
  }

  /**
   * Why a held mail is no longer sent: the person left, has no address, lost the role that sees its
   * kind, or turned its mails off meanwhile; empty when it is still wanted.
   */
  private Optional<String> unwanted(Delivery delivery) {
    Optional<UserProfile> person = people.find(delivery.recipient());
    if (person.isEmpty() || person.get().status() != MemberStatus.ACTIVE) {
      return Optional.of("The person is no longer an active member of the organization.");
    }
    if (person.get().email() == null || person.get().email().isBlank()) {
      return Optional.of("The person has no e-mail address.");
    }
    if (!person.get().role().atLeast(delivery.kind().minimum())) {
      return Optional.of("The person's role no longer sees " + delivery.kind().key() + ".");
    }
    if (!Preferences.wants(
        notifications.preferences(delivery.recipient()),
        notifications.preferences(NotificationRepository.ORGANIZATION),
        delivery.kind(),
        Channel.EMAIL)) {
      return Optional.of("The person turned these e-mails off.");
    }
    return Optional.empty();
  }

  /** The post a hook delivery makes, or empty when it is no longer pending or its hook is gone. */
  public Optional<HookCall> hookCall(UUID deliveryId) {
    Optional<Delivery> delivery = pending(deliveryId);
    if (delivery.isEmpty()) {
      return Optional.empty();
    }
    Optional<Hook> hook = notifications.hook(UUID.fromString(delivery.get().recipient()));
    Optional<Notification> notification = notifications.find(delivery.get().notificationId());
    if (hook.isEmpty() || notification.isEmpty()) {
      notifications.attemptFailed(deliveryId, "The hook was removed before it was told.", true);
      return Optional.empty();
    }
    String language = hook.get().language();
    return Optional.of(
        new HookCall(
            hook.get().channel(),
            secrets.open(hook.get().sealedUrl()),
            NotificationTexts.of(notification.get(), language),
            links.of(notification.get()),
            NotificationTexts.open(language)));
  }

  public void sent(UUID deliveryId) {
    notifications.sent(deliveryId, OffsetDateTime.now(ZoneOffset.UTC));
  }

  /**
   * Counts a failed attempt.
   *
   * @param last whether no attempt follows: the delivery is then failed
   */
  public void attemptFailed(UUID deliveryId, String error, boolean last) {
    notifications.attemptFailed(deliveryId, error, last);
  }

  private static String subject(List<Entry> entries, String language) {
    return entries.size() == 1
        ? NotificationTexts.of(entries.get(0).notification(), language).title()
        : NotificationTexts.digest(entries.get(0).delivery().kind(), entries.size(), language);
  }

  private String body(List<Entry> entries, String language) {
    StringBuilder body = new StringBuilder();
    for (Entry entry : entries) {
      Text text = NotificationTexts.of(entry.notification(), language);
      body.append(text.title()).append("\n\n").append(text.text()).append('\n');
      text.facts()
          .forEach((label, value) -> body.append(label).append(": ").append(value).append('\n'));
      body.append('\n')
          .append(NotificationTexts.open(language))
          .append(": ")
          .append(links.of(entry.notification()))
          .append("\n\n");
    }
    return body.append("-- \n")
        .append(NotificationTexts.footer(language, links.settings()))
        .append('\n')
        .toString();
  }
}
