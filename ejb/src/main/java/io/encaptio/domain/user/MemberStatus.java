package io.encaptio.domain.user;

/** Where a person's membership of an organization stands. */
public enum MemberStatus {
  /** Invited and not signed in to this organization yet. */
  INVITED,
  ACTIVE,
  /** Kept with their role and history, but refused at sign-in until reactivated. */
  DEACTIVATED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
