package io.encaptio.domain.notification;

import io.encaptio.domain.user.Role;
import java.util.Arrays;
import java.util.Optional;

/**
 * What people can be told about, each with the lowest role that sees it (the role that may read
 * what the notification links to) and whether it is mailed unless someone says otherwise.
 */
public enum NotificationKind {
  /** A visitor left contact details. */
  LEAD_CAPTURED("lead.captured", Role.ANALYST, true),
  /** A question no cluster held went unanswered: a new knowledge gap. */
  GAP_NEW("gap.new", Role.ANALYST, false),
  /** An open gap went unanswered 5, 10, 20, 40, ... times within 24 hours. */
  GAP_GROWING("gap.growing", Role.ANALYST, true),
  /** An item could not be indexed. */
  ITEM_FAILED("item.failed", Role.EDITOR, true),
  /** A URL source failed its syncs several times in a row: visitors may get out-of-date answers. */
  SOURCE_STALE("source.stale", Role.EDITOR, true),
  /** A golden question that passed in the run before failed in this one. */
  GOLDEN_REGRESSED("golden.regressed", Role.EDITOR, true),
  /**
   * The organization's week: conversations, visitors, answers and leads against the week before.
   */
  WEEKLY_SUMMARY("summary.weekly", Role.ANALYST, true);

  private final String key;
  private final Role minimum;
  private final boolean mailedByDefault;

  NotificationKind(String key, Role minimum, boolean mailedByDefault) {
    this.key = key;
    this.minimum = minimum;
    this.mailedByDefault = mailedByDefault;
  }

  /** The name stored and shown in the API: {@code lead.captured}. */
  public String key() {
    return key;
  }

  /** The lowest role told about it. */
  public Role minimum() {
    return minimum;
  }

  /** Whether the built-in default of this channel is on. */
  public boolean enabledByDefault(Channel channel) {
    return switch (channel) {
      case IN_APP -> true;
      case EMAIL -> mailedByDefault;
      case SLACK, TEAMS -> false;
    };
  }

  public static Optional<NotificationKind> of(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }
}
