package io.encaptio.domain.notification;

import java.util.Arrays;
import java.util.Optional;

/** Where a notification goes. */
public enum Channel {
  /** The portal's notification centre. */
  IN_APP("in_app"),
  EMAIL("email"),
  /** A Slack incoming webhook. */
  SLACK("slack"),
  /** A Microsoft Teams incoming webhook (a Workflows "post to a channel" flow). */
  TEAMS("teams");

  private final String key;

  Channel(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** Whether people choose it for themselves (the others are the organization's hooks). */
  public boolean personal() {
    return this == IN_APP || this == EMAIL;
  }

  public static Optional<Channel> of(String key) {
    return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }
}
