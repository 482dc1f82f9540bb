package io.encaptio.interfaces.notification.web;

import io.encaptio.application.NotificationService;
import io.encaptio.application.NotificationService.ChoiceDto;
import io.encaptio.application.NotificationService.DeliveryDto;
import io.encaptio.application.NotificationService.HookDto;
import io.encaptio.application.NotificationService.NewHookDto;
import io.encaptio.application.NotificationService.NotificationDto;
import io.encaptio.application.NotificationService.PreferencesDto;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.web.PageMessages;
import io.encaptio.interfaces.web.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Notifications page: the person's notifications (mark one or all read), what they are told
 * about and in which language; for admins and owners the organization's defaults, its Slack and
 * Teams hooks and the delivery log.
 */
@Named
@ViewScoped
public class NotificationsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB transient NotificationService notifications;
  @Inject transient Access access;
  @Inject transient NotificationBell bell;

  private List<NotificationDto> inbox = List.of();
  private Choices mine;
  private Choices defaults;
  private List<HookDto> hooks = List.of();
  private List<DeliveryDto> deliveries = List.of();
  private NewHook hook = new NewHook();

  /** Editable choices: the language and one row per kind. */
  public static final class Choices implements Serializable {
    private static final long serialVersionUID = 1L;
    private String language;
    private final List<Choice> rows = new ArrayList<>();

    Choices(PreferencesDto dto) {
      language = dto.language();
      dto.choices().forEach(c -> rows.add(new Choice(c)));
    }

    PreferencesDto toDto() {
      return new PreferencesDto(language, rows.stream().map(Choice::toDto).toList());
    }

    public String getLanguage() {
      return language;
    }

    public void setLanguage(String language) {
      this.language = language;
    }

    public List<Choice> getRows() {
      return rows;
    }
  }

  /** One kind's two switches. */
  public static final class Choice implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String name;
    private boolean inApp;
    private boolean email;

    Choice(ChoiceDto dto) {
      kind = dto.kind();
      name = dto.name();
      inApp = dto.inApp();
      email = dto.email();
    }

    ChoiceDto toDto() {
      return new ChoiceDto(kind, name, inApp, email);
    }

    public String getKind() {
      return kind;
    }

    public String getName() {
      return name;
    }

    public boolean isInApp() {
      return inApp;
    }

    public void setInApp(boolean inApp) {
      this.inApp = inApp;
    }

    public boolean isEmail() {
      return email;
    }

    public void setEmail(boolean email) {
      this.email = email;
    }
  }

  /** The form of a hook to add. */
  public static final class NewHook implements Serializable {
    private static final long serialVersionUID = 1L;
    private String channel = "slack";
    private String name;
    private String url;
    private List<String> kinds = new ArrayList<>(List.of("lead.captured"));
    private String language = "en";

    public String getChannel() {
      return channel;
    }

    public void setChannel(String channel) {
      this.channel = channel;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public List<String> getKinds() {
      return kinds;
    }

    public void setKinds(List<String> kinds) {
      this.kinds = kinds;
    }

    public String getLanguage() {
      return language;
    }

    public void setLanguage(String language) {
      this.language = language;
    }
  }

  @PostConstruct
  void init() {
    if (!access.isMember()) {
      return;
    }
    inbox = notifications.inbox(null, NotificationService.MAX);
    mine = new Choices(notifications.preferences());
    if (access.isAdmin()) {
      defaults = new Choices(notifications.organizationDefaults());
      hooks = notifications.hooks();
      deliveries = notifications.deliveries(NotificationService.MAX);
    }
  }

  public void requireMember() throws IOException {
    if (!access.isMember()) {
      Pages.refuse("Notifications are for the people of an organization.");
    }
  }

  public void markRead(UUID id) {
    try {
      notifications.markRead(id);
      inbox = notifications.inbox(null, NotificationService.MAX);
      bell.reset();
    } catch (RuntimeException e) {
      PageMessages.failed("The notification was not marked read", e);
    }
  }

  public void markAllRead() {
    try {
      int marked = notifications.markAllRead();
      inbox = notifications.inbox(null, NotificationService.MAX);
      bell.reset();
      PageMessages.inform("Marked read", marked + " notifications");
    } catch (RuntimeException e) {
      PageMessages.failed("The notifications were not marked read", e);
    }
  }

  public void saveMine() {
    try {
      mine = new Choices(notifications.changePreferences(mine.toDto()));
      PageMessages.inform("Saved", "You are told about what you chose.");
    } catch (RuntimeException e) {
      PageMessages.failed("Your choices were not saved", e, "mine");
    }
  }

  public void saveDefaults() {
    try {
      defaults = new Choices(notifications.changeOrganizationDefaults(defaults.toDto()));
      PageMessages.inform("Saved", "People who chose nothing get these.");
    } catch (RuntimeException e) {
      PageMessages.failed("The defaults were not saved", e, "defaults");
    }
  }

  public void addHook() {
    try {
      HookDto added =
          notifications.addHook(
              new NewHookDto(
                  hook.getChannel(),
                  hook.getName(),
                  hook.getUrl(),
                  hook.getKinds(),
                  hook.getLanguage()));
      hooks = notifications.hooks();
      hook = new NewHook();
      PageMessages.inform("Hook added", added.name() + " (" + added.urlHint() + ")");
    } catch (RuntimeException e) {
      PageMessages.failed("The hook was not added", e, "hookForm");
    }
  }

  public void removeHook(UUID id) {
    try {
      notifications.removeHook(id);
      hooks = notifications.hooks();
    } catch (RuntimeException e) {
      PageMessages.failed("The hook was not removed", e);
    }
  }

  public void refreshLog() {
    deliveries = notifications.deliveries(NotificationService.MAX);
  }

  public List<String> getLanguages() {
    return NotificationService.LANGUAGES;
  }

  public List<NotificationDto> getInbox() {
    return inbox;
  }

  public Choices getMine() {
    return mine;
  }

  public Choices getDefaults() {
    return defaults;
  }

  public List<HookDto> getHooks() {
    return hooks;
  }

  public List<DeliveryDto> getDeliveries() {
    return deliveries;
  }

  public NewHook getHook() {
    return hook;
  }
}
