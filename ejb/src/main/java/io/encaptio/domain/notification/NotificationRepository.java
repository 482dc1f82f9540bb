package io.encaptio.domain.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The current tenant's notifications, their deliveries, preferences and hooks. */
public interface NotificationRepository {

  /** The organization's own preferences and language (as opposed to a person's). */
  String ORGANIZATION = "*";

  /** A delivery with the notification it carries. */
  record Entry(Delivery delivery, Notification notification) {}

  /**
   * Stores the notification unless one with the same key was raised before.
   *
   * @return whether it was stored
   */
  boolean add(Notification notification, String dedupeKey);

  Optional<Notification> find(UUID id);

  /** Whether a notification with this key was stored. */
  boolean raised(String dedupeKey);

  /** Stores the delivery unless the notification goes to that recipient on that channel already. */
  boolean addDelivery(Delivery delivery);

  Optional<Delivery> delivery(UUID id);

  /**
   * Waits until no other transaction mails this person about this kind, and keeps others waiting
   * until this one ends.
   */
  void lockMailbox(String recipient, NotificationKind kind);

  /** The person's pending e-mails of a kind, oldest first. */
  List<Entry> pendingMails(String recipient, NotificationKind kind);

  /** When the person was last mailed about this kind. */
  Optional<OffsetDateTime> lastMailed(String recipient, NotificationKind kind);

  void sent(UUID deliveryId, OffsetDateTime at);

  /** Gives a pending delivery up without sending it, saying why. */
  void skipped(UUID deliveryId, String why);

  /**
   * Counts a failed attempt and keeps its error.
   *
   * @param last whether it was the last attempt: the delivery is then failed
   */
  void attemptFailed(UUID deliveryId, String error, boolean last);

  /** The person's portal notifications of these kinds, newest first. */
  List<Entry> inbox(String subject, Set<NotificationKind> kinds, int max);

  /** The person's unread portal notifications of these kinds. */
  int unread(String subject, Set<NotificationKind> kinds);

  /**
   * @return whether the person had that notification in the portal
   */
  boolean markRead(String subject, UUID deliveryId, OffsetDateTime at);

  int markAllRead(String subject, OffsetDateTime at);

  /** The owner's choices, by kind and channel. */
  Map<NotificationKind, Map<Channel, Boolean>> preferences(String owner);

  /** Every owner's choices (the people's and the organization's), by owner: one read. */
  Map<String, Map<NotificationKind, Map<Channel, Boolean>>> allPreferences();

  /** Replaces the owner's choices with these. */
  void replacePreferences(String owner, Map<NotificationKind, Map<Channel, Boolean>> choices);

  Optional<String> language(String owner);

  /** The language a person is written to in: theirs, else the organization's, else English. */
  default String languageOf(String subject) {
    return NotificationTexts.language(
        language(subject).or(() -> language(ORGANIZATION)).orElse(null));
  }

  void setLanguage(String owner, String language);

  List<Hook> hooks();

  Optional<Hook> hook(UUID id);

  void addHook(Hook hook);

  boolean removeHook(UUID id);

  /** E-mail and hook deliveries, newest first (the delivery log). */
  List<Entry> log(int max);
}
