package io.encaptio.domain.capsule;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A published version of a capsule: its name and settings frozen when it was published. Never
 * changed after it is stored. Tenant-scoped: mapped per tenant schema in META-INF/tenant-orm.xml.
 */
@Entity
@Table(name = "capsule_version")
public class CapsuleVersion {

  @Id private UUID id;

  @Column(name = "capsule_id", nullable = false, updatable = false)
  private UUID capsuleId;

  @Column(nullable = false, updatable = false)
  private int number;

  @Column(nullable = false, updatable = false, length = Capsule.MAX_NAME)
  private String name;

  @Convert(converter = CapsuleSettingsConverter.class)
  @Column(nullable = false, updatable = false)
  private CapsuleSettings settings;

  @Column(name = "published_by", nullable = false, updatable = false)
  private String publishedBy;

  @Column(name = "published_at", nullable = false, updatable = false)
  private OffsetDateTime publishedAt;

  @Column(name = "restored_from", updatable = false)
  private Integer restoredFrom;

  protected CapsuleVersion() {}

  static CapsuleVersion of(
      Capsule capsule,
      int number,
      CapsuleSettings settings,
      String publishedBy,
      Integer restoredFrom) {
    CapsuleVersion version = new CapsuleVersion();
    version.id = UUID.randomUUID();
    version.capsuleId = capsule.id();
    version.number = number;
    version.name = capsule.name();
    version.settings = settings;
    version.publishedBy = publishedBy;
    version.publishedAt = capsule.publishedAt();
    version.restoredFrom = restoredFrom;
    return version;
  }

  public UUID capsuleId() {
    return capsuleId;
  }

  public int number() {
    return number;
  }

  public String name() {
    return name;
  }

  public CapsuleSettings settings() {
    return settings;
  }

  public String publishedBy() {
    return publishedBy;
  }

  public OffsetDateTime publishedAt() {
    return publishedAt;
  }

  /** The version whose settings this one published again, for a rollback; else null. */
  public Integer restoredFrom() {
    return restoredFrom;
  }
}
