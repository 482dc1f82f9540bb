package io.encaptio.domain.user;

import io.encaptio.domain.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A group of people of the organization that capsules can belong to: editors outside a capsule's
 * team see it read-only. Tenant-scoped: mapped per tenant schema in META-INF/tenant-orm.xml.
 */
@Entity
@Table(name = "team")
public class Team {

  public static final int MAX_NAME = 80;

  @Id private UUID id;

  @Column(nullable = false, length = MAX_NAME)
  private String name;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Team() {}

  public static Team named(String name) {
    Team team = new Team();
    team.id = UUID.randomUUID();
    team.name = validName(name);
    team.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    return team;
  }

  public void rename(String name) {
    this.name = validName(name);
  }

  private static String validName(String name) {
    if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
      throw new InvalidInputException(
          "name", "A team's name has 1 to " + MAX_NAME + " characters.");
    }
    return name.strip();
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
