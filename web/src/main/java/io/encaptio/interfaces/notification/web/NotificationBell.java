package io.encaptio.interfaces.notification.web;

import io.encaptio.application.NotificationService;
import io.encaptio.interfaces.security.Access;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The bell in the portal's header: the person's unread notifications, read once per request. */
@Named
@RequestScoped
public class NotificationBell {

  private static final Logger LOG = Logger.getLogger(NotificationBell.class.getName());

  @EJB NotificationService notifications;
  @Inject Access access;

  private Integer unread;

  /** Whether the person has notifications here (a person of the organization). */
  public boolean isShown() {
    return access.isMember();
  }

  /** Counts again on the next read (after notifications were marked read in this request). */
  public void reset() {
    unread = null;
  }

  /** Unread notifications; 0 when they cannot be counted (the page still renders). */
  public int getUnread() {
    if (unread == null) {
      try {
        unread = isShown() ? notifications.unread() : 0;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "The unread notifications could not be counted", e);
        unread = 0;
      }
    }
    return unread;
  }
}
