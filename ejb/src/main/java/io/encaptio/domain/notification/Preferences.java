package io.encaptio.domain.notification;

import java.util.Map;

/**
 * Whether someone wants a kind on a channel: their own choice, else the organization's default,
 * else the built-in default ({@link NotificationKind#enabledByDefault}).
 */
public final class Preferences {

  private Preferences() {}

  public static boolean wants(
      Map<NotificationKind, Map<Channel, Boolean>> own,
      Map<NotificationKind, Map<Channel, Boolean>> organization,
      NotificationKind kind,
      Channel channel) {
    Boolean chosen = own.getOrDefault(kind, Map.of()).get(channel);
    if (chosen != null) {
      return chosen;
    }
    Boolean byDefault = organization.getOrDefault(kind, Map.of()).get(channel);
    return byDefault != null ? byDefault : kind.enabledByDefault(channel);
  }
}
