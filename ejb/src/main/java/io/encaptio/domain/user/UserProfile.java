package io.encaptio.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A person's membership of one organization, in its tenant's schema: their role and status here
 * (nowhere else), and what the identity provider said about them at their last sign-in. Created at
 * an invitation, at their first sign-in, or by the migration of earlier realm-wide roles.
 * Tenant-scoped: mapped per tenant schema in META-INF/tenant-orm.xml.
 */
@Entity
@Table(name = "user_profile")
public class UserProfile {

  @Id
  @Column(length = 64)
  private String subject;

  @Column(nullable = false)
  private String username;

  @Column(name = "display_name")
  private String displayName;

  @Column(length = 320)
  private String email;

  @Column(name = "first_seen_at", nullable = false)
  private OffsetDateTime firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  private OffsetDateTime lastSeenAt;

  @Column(name = "sign_in_count", nullable = false)
  private int signInCount;

  @Column(nullable = false, length = 16)
  private String role = Role.MEMBER.label();

  @Column(nullable = false, length = 16)
  private String status = MemberStatus.ACTIVE.label();

  @Column(name = "invited_by")
  private String invitedBy;

  @Column(name = "invited_at")
  private OffsetDateTime invitedAt;

  @Column(name = "invitation_sets_password", nullable = false)
  private boolean invitationSetsPassword;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected UserProfile() {}

  /** A person seen for the first time, with the role they have here. */
  public static UserProfile firstSeen(String subject, String username, Role role) {
    UserProfile profile = new UserProfile();
    profile.subject = subject;
    profile.username = username;
    profile.firstSeenAt = now();
    profile.lastSeenAt = profile.firstSeenAt;
    profile.updatedAt = profile.firstSeenAt;
    profile.role = role.label();
    return profile;
  }

  /** A person invited by e-mail, who has not signed in here yet. */
  public static UserProfile invited(
      String subject,
      String email,
      String displayName,
      Role role,
      String invitedBy,
      boolean setsPassword) {
    UserProfile profile = firstSeen(subject, email, role);
    profile.invitationSetsPassword = setsPassword;
    profile.email = email;
    profile.displayName = displayName;
    profile.status = MemberStatus.INVITED.label();
    profile.invitedBy = invitedBy;
    profile.invitedAt = profile.firstSeenAt;
    return profile;
  }

  /**
   * A member the identity provider lists who has not signed in here yet (the first owner, a person
   * who arrived through the organization's own sign-in), written when an admin first acts on them.
   */
  public static UserProfile fromDirectory(
      String subject, String username, String email, String displayName, Role role) {
    UserProfile profile = firstSeen(subject, username == null ? email : username, role);
    profile.email = email;
    profile.displayName = displayName;
    return profile;
  }

  /**
   * Records a sign-in and refreshes what the identity provider says about the person; an invited
   * person becomes active. A deactivated person is refused before this is called.
   */
  public void signedIn(String username, String displayName, String email) {
    if (status().refused()) {
      throw new IllegalStateException("A deactivated or removed member cannot sign in");
    }
    this.username = username;
    this.displayName = displayName;
    this.email = email;
    this.lastSeenAt = now();
    this.signInCount++;
    this.status = MemberStatus.ACTIVE.label();
    this.updatedAt = lastSeenAt;
  }

  public void changeRole(Role role) {
    this.role = role.label();
    this.updatedAt = now();
  }

  /** Removed from the organization; {@link #invitedAgain} brings them back. */
  public void removed() {
    this.status = MemberStatus.REMOVED.label();
    this.updatedAt = now();
  }

  /** A removed person invited again, with a role. */
  public void invitedAgain(Role role, String by, boolean setsPassword) {
    this.role = role.label();
    this.status = MemberStatus.INVITED.label();
    this.invitationSetsPassword = setsPassword;
    reinvited(by);
  }

  public void deactivate() {
    this.status = MemberStatus.DEACTIVATED.label();
    this.updatedAt = now();
  }

  /** Active again: invited when they never signed in, active otherwise. */
  public void reactivate() {
    this.status = (signInCount == 0 ? MemberStatus.INVITED : MemberStatus.ACTIVE).label();
    this.updatedAt = now();
  }

  /** A new invitation mail went out. */
  public void reinvited(String by) {
    this.invitedBy = by;
    this.invitedAt = now();
    this.updatedAt = invitedAt;
  }

  public Role role() {
    return Role.of(role);
  }

  public MemberStatus status() {
    return MemberStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
  }

  public String invitedBy() {
    return invitedBy;
  }

  /** Whether the invitation made the account, so its mail has the person set a password. */
  public boolean invitationSetsPassword() {
    return invitationSetsPassword;
  }

  public OffsetDateTime invitedAt() {
    return invitedAt;
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  public String subject() {
    return subject;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String email() {
    return email;
  }

  public OffsetDateTime firstSeenAt() {
    return firstSeenAt;
  }

  public OffsetDateTime lastSeenAt() {
    return lastSeenAt;
  }

  public int signInCount() {
    return signInCount;
  }
}
