package io.encaptio.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A person's local profile in one tenant: created at their first sign-in, refreshed at each one.
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

  protected UserProfile() {}

  public static UserProfile firstSeen(String subject, String username) {
    UserProfile profile = new UserProfile();
    profile.subject = subject;
    profile.username = username;
    profile.firstSeenAt = OffsetDateTime.now(ZoneOffset.UTC);
    profile.lastSeenAt = profile.firstSeenAt;
    return profile;
  }

  /** Records a sign-in and refreshes what the identity provider says about the person. */
  public void signedIn(String username, String displayName, String email) {
    this.username = username;
    this.displayName = displayName;
    this.email = email;
    this.lastSeenAt = OffsetDateTime.now(ZoneOffset.UTC);
    this.signInCount++;
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
