package io.encaptio.domain.user;

import io.encaptio.domain.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A person's role in one organization, lowest first: each role may do what the roles below it may.
 * Analysts read conversations, leads and analytics and change nothing; editors build capsules;
 * admins manage people, teams, sign-in settings and the organization's keys; owners also make and
 * remove owners.
 */
public enum Role {
  MEMBER("Member"),
  ANALYST("Analyst"),
  EDITOR("Editor"),
  ADMIN("Admin"),
  OWNER("Owner");

  private final String title;

  Role(String title) {
    this.title = title;
  }

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  /** The role as stored and sent over the API: {@code owner}, {@code editor}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role as people read it: Owner, Editor, ... */
  public String title() {
    return title;
  }

  /**
   * This role and every role above it, as people read them in a refusal: "editor, admin, owner".
   */
  public String andAbove() {
    return Arrays.stream(values())
        .filter(r -> r.atLeast(this))
        .map(Role::label)
        .collect(Collectors.joining(", "));
  }

  /** Who may give or take this role: owners for owners, admins and owners for the others. */
  public Role grantedBy() {
    return this == OWNER ? OWNER : ADMIN;
  }

  /** The role with this label; refuses an unknown one, naming the roles there are. */
  public static Role of(String label) {
    if (label != null) {
      for (Role role : values()) {
        if (role.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
          return role;
        }
      }
    }
    throw new InvalidInputException(
        "role",
        "Unknown role '"
            + label
            + "'; use one of "
            + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "))
            + ".");
  }
}
