package io.encaptio.application.internal;

import io.encaptio.domain.notification.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where a notification's subject is seen in the portal, as a full address for mails and hooks. */
@ApplicationScoped
public class NotificationLinks {

  @Inject
  @ConfigProperty(name = "encaptio.public.url")
  String publicUrl;

  /** The portal page of what the notification is about. */
  public String of(Notification notification) {
    String capsule = notification.capsuleId() == null ? "" : "?id=" + notification.capsuleId();
    String page =
        switch (notification.kind()) {
          case LEAD_CAPTURED -> "inbox";
          case GAP_NEW, GAP_GROWING -> "gaps";
          case ITEM_FAILED, SOURCE_STALE, GOLDEN_REGRESSED -> "capsule";
          case WEEKLY_SUMMARY -> "analytics";
        };
    return base() + "/app/" + page + ".xhtml" + capsule;
  }

  /** Where people choose what they are told about. */
  public String settings() {
    return base() + "/app/notifications.xhtml";
  }

  private String base() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }
}
