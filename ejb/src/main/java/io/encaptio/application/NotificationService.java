package io.encaptio.application;

import io.encaptio.application.access.Audited;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What people are told about: their notification centre in the portal (newest first, unread count),
 * their own choice of what reaches them in the portal and by e-mail and in which language, the
 * organization's defaults for those choices and its Slack and Teams hooks (admins), and the
 * delivery log of e-mails and posts with their failures (admins). Everyone sees only their own
 * notifications; what a notification is about decides who gets it (leads and questions: analysts
 * and above; items, sources and golden questions: editors and above).
 */
public interface NotificationService {

  /** The languages notifications are written in: en, de, fr, es. */
  List<String> LANGUAGES = io.encaptio.domain.notification.NotificationTexts.LANGUAGES;

  /** The most notifications listed at once. */
  int MAX = 100;

  /**
   * A notification in the person's portal inbox.
   *
   * @param id the delivery's id (what is marked read)
   * @param link where its subject is seen in the portal
   */
  record NotificationDto(
      UUID id,
      String kind,
      UUID capsuleId,
      String title,
      String text,
      Map<String, String> facts,
      String link,
      OffsetDateTime at,
      boolean read)
      implements Serializable {}

  /**
   * One kind's choice.
   *
   * @param name what the kind is called, in English
   * @param inApp shown in the portal
   * @param email sent by e-mail
   */
  record ChoiceDto(String kind, String name, boolean inApp, boolean email)
      implements Serializable {}

  /**
   * Someone's choices (a person's, or the organization's defaults).
   *
   * @param language en, de, fr or es
   */
  record PreferencesDto(String language, List<ChoiceDto> choices) implements Serializable {}

  /**
   * A Slack or Teams hook as shown: never its address, only its hint.
   *
   * @param channel slack or teams
   */
  record HookDto(
      UUID id,
      String channel,
      String name,
      String urlHint,
      List<String> kinds,
      String language,
      String createdBy,
      OffsetDateTime createdAt)
      implements Serializable {}

  /** A hook to add. */
  record NewHookDto(String channel, String name, String url, List<String> kinds, String language)
      implements Serializable {}

  /**
   * An e-mail or post as it went (or did not).
   *
   * @param to the person's e-mail address, or the hook's name
   * @param status pending, sent or failed
   */
  record DeliveryDto(
      UUID id,
      String kind,
      String channel,
      String to,
      String title,
      String status,
      int attempts,
      String lastError,
      OffsetDateTime createdAt,
      OffsetDateTime sentAt)
      implements Serializable {}

  /**
   * The caller's notifications, newest first.
   *
   * @param kind only those of this kind ({@code lead.captured}); null or blank: every kind
   * @throws io.encaptio.domain.shared.InvalidInputException a kind that is none
   */
  @Requires(Permission.VIEW_CAPSULES)
  List<NotificationDto> inbox(String kind, int max);

  /** How many of the caller's notifications are unread. */
  @Requires(Permission.VIEW_CAPSULES)
  int unread();

  /**
   * @throws NotFoundException it is not one of the caller's notifications
   */
  @Requires(Permission.VIEW_CAPSULES)
  void markRead(UUID id);

  /**
   * @return how many were unread
   */
  @Requires(Permission.VIEW_CAPSULES)
  int markAllRead();

  /** The caller's choices, with the organization's defaults where they chose nothing. */
  @Requires(Permission.VIEW_CAPSULES)
  PreferencesDto preferences();

  /**
   * Replaces the caller's choices; a choice equal to the organization's default is not kept as the
   * caller's own, so the default keeps applying there when admins change it.
   *
   * @throws io.encaptio.domain.shared.InvalidInputException an unknown kind or language
   */
  @Requires(Permission.VIEW_CAPSULES)
  PreferencesDto changePreferences(PreferencesDto preferences);

  /** The organization's defaults. */
  @Requires(Permission.MANAGE_ORGANIZATION)
  PreferencesDto organizationDefaults();

  /**
   * Replaces the organization's defaults (people's own choices stay).
   *
   * @throws io.encaptio.domain.shared.InvalidInputException an unknown kind or language
   */
  @Requires(Permission.MANAGE_ORGANIZATION)
  @Audited("notifications.defaults-changed")
  PreferencesDto changeOrganizationDefaults(PreferencesDto defaults);

  @Requires(Permission.MANAGE_ORGANIZATION)
  List<HookDto> hooks();

  /**
   * Adds a Slack or Teams hook; its address is sealed and never shown again.
   *
   * @throws io.encaptio.domain.shared.InvalidInputException a malformed address, one in a private
   *     network, not https, an unknown kind or language, a missing name
   */
  @Requires(Permission.MANAGE_ORGANIZATION)
  @Audited("notifications.hook-added")
  HookDto addHook(NewHookDto hook);

  /**
   * @throws NotFoundException no such hook in the organization
   */
  @Requires(Permission.MANAGE_ORGANIZATION)
  @Audited("notifications.hook-removed")
  void removeHook(UUID id);

  /** E-mails and hook posts, newest first. */
  @Requires(Permission.MANAGE_ORGANIZATION)
  List<DeliveryDto> deliveries(int max);
}
