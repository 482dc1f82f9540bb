package io.encaptio.application.access;

import io.encaptio.domain.user.Role;

/**
 * What a service method lets its caller do, each with the lowest role that may. Every method of a
 * service interface declares one with {@link Requires}; the authorization interceptor checks it
 * against the {@link Actor} of the call before the method runs.
 */
public enum Permission {
  /** Anyone, visitors of a published capsule included. */
  VISIT(null, "anyone"),
  /** A person of the organization looking up their own membership at sign-in. */
  SIGN_IN(null, "a person of the organization"),
  VIEW_CAPSULES(Role.MEMBER, "reading capsules"),
  READ_CONVERSATIONS(Role.ANALYST, "reading conversations, leads and analytics"),
  CREATE_CAPSULES(Role.EDITOR, "creating capsules"),
  /**
   * Changing one capsule: the method's first parameter is the capsule's id. Editors may change a
   * capsule of no team or of one of their teams; admins and owners every capsule.
   */
  EDIT_CAPSULE(Role.EDITOR, "changing this capsule"),
  MANAGE_ORGANIZATION(Role.ADMIN, "managing the organization's chat models and embed secrets"),
  MANAGE_PEOPLE(Role.ADMIN, "managing people, invitations and teams"),
  READ_AUDIT(Role.ADMIN, "reading the audit log"),
  /** Encaptio's own staff running the platform; no organization role gives it. */
  OPERATE_PLATFORM(null, "operating the platform");

  private final Role minimum;
  private final String purpose;

  Permission(Role minimum, String purpose) {
    this.minimum = minimum;
    this.purpose = purpose;
  }

  /** The lowest organization role that has this permission; null when no role gives it. */
  public Role minimum() {
    return minimum;
  }

  /** What the permission is for, in words for a refusal: "changing this capsule". */
  public String purpose() {
    return purpose;
  }

  /** Whether the permission concerns the capsule named by the method's first parameter. */
  public boolean perCapsule() {
    return this == EDIT_CAPSULE;
  }

  /** Whether this actor has the permission, teams aside (see {@link #perCapsule()}). */
  public boolean allows(Actor actor) {
    if (this == VISIT) {
      return true;
    }
    if (actor == null) {
      return false;
    }
    return switch (actor.kind()) {
      case SYSTEM -> true;
      case OPERATOR -> this == OPERATE_PLATFORM;
      case PERSON ->
          this == SIGN_IN
              || (minimum != null && actor.role() != null && actor.role().atLeast(minimum));
    };
  }
}
