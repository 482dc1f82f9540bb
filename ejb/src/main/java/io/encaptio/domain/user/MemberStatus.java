package io.encaptio.domain.user;

/** Where a person's membership of an organization stands. */
public enum MemberStatus {
  /** Invited and not signed in to this organization yet. */
  INVITED,
  ACTIVE,
  /** Kept with their role and history, but refused at sign-in until reactivated. */
  DEACTIVATED,
  /**
   * Removed from the organization: the row stays so that a session or token they still hold is
   * refused (their identity provider membership is gone too); an invitation brings them back.
   */
  REMOVED;

  /** Whether a request of the person is refused. */
  public boolean refused() {
    return this == DEACTIVATED || this == REMOVED;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
