package io.encaptio.application.internal;

import io.encaptio.application.NotFoundException;
import io.encaptio.application.NotificationService;
import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.domain.ai.SecretBox;
import io.encaptio.domain.notification.Channel;
import io.encaptio.domain.notification.Delivery;
import io.encaptio.domain.notification.Hook;
import io.encaptio.domain.notification.HookSender;
import io.encaptio.domain.notification.NotificationKind;
import io.encaptio.domain.notification.NotificationRepository;
import io.encaptio.domain.notification.NotificationRepository.Entry;
import io.encaptio.domain.notification.NotificationTexts;
import io.encaptio.domain.notification.Preferences;
import io.encaptio.domain.shared.InvalidInputException;
import io.encaptio.domain.user.UserProfile;
import io.encaptio.domain.user.UserProfileRepository;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Each method is one transaction in the current tenant's schema. */
@Stateless
@Local(NotificationService.class)
public class DefaultNotificationService implements NotificationService {

  /** The longest hook name. */
  private static final int MAX_NAME = 100;

  /** The most hooks an organization keeps. */
  private static final int MAX_HOOKS = 20;

  @Inject NotificationRepository notifications;
  @Inject UserProfileRepository people;
  @Inject HookSender hookSender;
  @Inject SecretBox secrets;
  @Inject NotificationLinks links;

  @Override
  public List<NotificationDto> inbox(String kind, int max) {
    Set<NotificationKind> kinds = visible();
    if (kind != null && !kind.isBlank()) {
      kinds.retainAll(Set.of(kind(kind)));
    }
    String language = notifications.languageOf(me());
    return notifications.inbox(me(), kinds, Math.max(1, Math.min(max, MAX))).stream()
        .map(entry -> toDto(entry, language))
        .toList();
  }

  @Override
  public int unread() {
    return notifications.unread(me(), visible());
  }

  @Override
  public void markRead(UUID id) {
    if (!notifications.markRead(me(), id, now())) {
      throw new NotFoundException("You have no notification " + id + ".");
    }
  }

  @Override
  public int markAllRead() {
    return notifications.markAllRead(me(), now());
  }

  @Override
  public PreferencesDto preferences() {
    Map<NotificationKind, Map<Channel, Boolean>> organization =
        notifications.preferences(NotificationRepository.ORGANIZATION);
    Map<NotificationKind, Map<Channel, Boolean>> own = notifications.preferences(me());
    return toDto(notifications.languageOf(me()), own, organization);
  }

  @Override
  public PreferencesDto changePreferences(PreferencesDto preferences) {
    store(me(), preferences);
    return preferences();
  }

  @Override
  public PreferencesDto organizationDefaults() {
    return toDto(
        notifications
            .language(NotificationRepository.ORGANIZATION)
            .orElse(NotificationTexts.LANGUAGES.get(0)),
        Map.of(),
        notifications.preferences(NotificationRepository.ORGANIZATION));
  }

  @Override
  public PreferencesDto changeOrganizationDefaults(PreferencesDto defaults) {
    store(NotificationRepository.ORGANIZATION, defaults);
    return organizationDefaults();
  }

  @Override
  public List<HookDto> hooks() {
    return notifications.hooks().stream().map(DefaultNotificationService::toDto).toList();
  }

  @Override
  public HookDto addHook(NewHookDto hook) {
    if (hook == null) {
      throw new InvalidInputException("hook", "Send the hook: channel, name, url and kinds.");
    }
    Channel channel =
        Channel.of(hook.channel() == null ? "" : hook.channel().strip())
            .filter(c -> !c.personal())
            .orElseThrow(
                () -> new InvalidInputException("channel", "Choose the channel: slack or teams."));
    String name = hook.name() == null ? "" : hook.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new InvalidInputException(
          "name", "Name the hook (up to " + MAX_NAME + " characters), e.g. #sales.");
    }
    Optional<String> refusal = hookSender.refusal(hook.url());
    if (refusal.isPresent()) {
      throw new InvalidInputException("url", refusal.get());
    }
    Set<NotificationKind> kinds = kinds(hook.kinds());
    if (kinds.isEmpty()) {
      throw new InvalidInputException(
          "kinds", "Choose what the hook is told about: " + KNOWN + ".");
    }
    if (notifications.hooks().size() >= MAX_HOOKS) {
      throw new InvalidInputException(
          "hook",
          "The organization has " + MAX_HOOKS + " hooks, the most it can have; remove one.");
    }
    String url = hook.url().strip();
    Hook added =
        new Hook(
            UUID.randomUUID(),
            channel,
            name,
            secrets.seal(url),
            hint(url),
            kinds,
            language(hook.language()),
            ActorContext.find().map(Actor::subject).orElse("unknown"),
            now());
    notifications.addHook(added);
    return toDto(added);
  }

  @Override
  public void removeHook(UUID id) {
    if (!notifications.removeHook(id)) {
      throw new NotFoundException("The organization has no hook " + id + ".");
    }
  }

  @Override
  public List<DeliveryDto> deliveries(int max) {
    Map<String, String> hookNames =
        notifications.hooks().stream()
            .collect(Collectors.toMap(h -> h.id().toString(), Hook::name));
    Map<String, String> addresses =
        people.members().stream()
            .filter(p -> p.email() != null)
            .collect(Collectors.toMap(UserProfile::subject, UserProfile::email, (a, b) -> a));
    return notifications.log(Math.max(1, Math.min(max, MAX))).stream()
        .map(
            entry -> {
              Delivery d = entry.delivery();
              String to =
                  d.channel() == Channel.EMAIL
                      ? addresses.getOrDefault(d.recipient(), "a former member")
                      : hookNames.getOrDefault(d.recipient(), "a removed hook");
              return new DeliveryDto(
                  d.id(),
                  d.kind().key(),
                  d.channel().key(),
                  to,
                  NotificationTexts.of(entry.notification(), "en").title(),
                  d.status(),
                  d.attempts(),
                  d.lastError(),
                  d.createdAt(),
                  d.sentAt());
            })
        .toList();
  }

  private static final String KNOWN =
      EnumSet.allOf(NotificationKind.class).stream()
          .map(NotificationKind::key)
          .collect(Collectors.joining(", "));

  private void store(String owner, PreferencesDto preferences) {
    if (preferences == null) {
      throw new InvalidInputException("preferences", "Send the language and the choices.");
    }
    // a person keeps only the choices that differ from the organization's defaults, so that a
    // default changed later still reaches them where they chose nothing else
    Map<NotificationKind, Map<Channel, Boolean>> defaults =
        owner.equals(NotificationRepository.ORGANIZATION)
            ? Map.of()
            : notifications.preferences(NotificationRepository.ORGANIZATION);
    boolean person = !owner.equals(NotificationRepository.ORGANIZATION);
    Map<NotificationKind, Map<Channel, Boolean>> choices = new EnumMap<>(NotificationKind.class);
    for (ChoiceDto choice :
        preferences.choices() == null ? List.<ChoiceDto>of() : preferences.choices()) {
      NotificationKind kind = kind(choice.kind());
      Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
      for (Channel channel : List.of(Channel.IN_APP, Channel.EMAIL)) {
        boolean wanted = channel == Channel.IN_APP ? choice.inApp() : choice.email();
        if (!person || wanted != Preferences.wants(Map.of(), defaults, kind, channel)) {
          channels.put(channel, wanted);
        }
      }
      if (!channels.isEmpty()) {
        choices.put(kind, channels);
      }
    }
    notifications.replacePreferences(owner, choices);
    if (preferences.language() != null) {
      notifications.setLanguage(owner, language(preferences.language()));
    }
  }

  private static PreferencesDto toDto(
      String language,
      Map<NotificationKind, Map<Channel, Boolean>> own,
      Map<NotificationKind, Map<Channel, Boolean>> organization) {
    return new PreferencesDto(
        language,
        EnumSet.allOf(NotificationKind.class).stream()
            .map(
                kind ->
                    new ChoiceDto(
                        kind.key(),
                        NotificationTexts.name(kind, "en"),
                        Preferences.wants(own, organization, kind, Channel.IN_APP),
                        Preferences.wants(own, organization, kind, Channel.EMAIL)))
            .toList());
  }

  private NotificationDto toDto(Entry entry, String language) {
    NotificationTexts.Text text = NotificationTexts.of(entry.notification(), language);
    return new NotificationDto(
        entry.delivery().id(),
        entry.notification().kind().key(),
        entry.notification().capsuleId(),
        text.title(),
        text.text(),
        text.facts(),
        links.of(entry.notification()),
        entry.notification().createdAt(),
        entry.delivery().readAt() != null);
  }

  private static HookDto toDto(Hook hook) {
    return new HookDto(
        hook.id(),
        hook.channel().key(),
        hook.name(),
        hook.urlHint(),
        hook.kinds().stream().map(NotificationKind::key).toList(),
        hook.language(),
        hook.createdBy(),
        hook.createdAt());
  }

  private static Set<NotificationKind> kinds(Collection<String> keys) {
    Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
    for (String key : keys == null ? List.<String>of() : keys) {
      kinds.add(kind(key));
    }
    return kinds;
  }

  private static NotificationKind kind(String key) {
    return NotificationKind.of(key == null ? "" : key.strip())
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "kinds",
                    "'" + key + "' is not something to be told about; use " + KNOWN + "."));
  }

  private static String language(String language) {
    if (language == null || language.isBlank()) {
      return NotificationTexts.LANGUAGES.get(0);
    }
    if (!NotificationTexts.LANGUAGES.contains(language.strip())) {
      throw new InvalidInputException(
          "language", "Notifications are written in " + NotificationTexts.LANGUAGES + " only.");
    }
    return language.strip();
  }

  /** The host and the address's last four characters: enough to tell hooks apart. */
  private static String hint(String url) {
    URI uri = URI.create(url);
    String tail = url.length() <= 4 ? "" : url.substring(url.length() - 4);
    return uri.getScheme() + "://" + uri.getHost() + "/…" + tail;
  }

  /**
   * The kinds the caller's role sees today: a person whose role was lowered no longer reads what
   * came before for the role they had (a former analyst's leads).
   */
  private static Set<NotificationKind> visible() {
    Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
    ActorContext.find()
        .map(Actor::role)
        .ifPresent(
            role -> {
              for (NotificationKind kind : NotificationKind.values()) {
                if (role.atLeast(kind.minimum())) {
                  kinds.add(kind);
                }
              }
            });
    return kinds;
  }

  private static String me() {
    return ActorContext.find()
        .map(Actor::subject)
        .orElseThrow(() -> new IllegalStateException("No one is signed in"));
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
