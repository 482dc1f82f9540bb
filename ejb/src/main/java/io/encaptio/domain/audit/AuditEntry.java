package io.encaptio.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One row of the organization's audit log: who did what, when, from where, and before/after where
 * it applies. Written once and never changed (the table refuses UPDATE and DELETE). Tenant-scoped:
 * mapped per tenant schema in META-INF/tenant-orm.xml.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

  public static final int MAX_DETAIL = 4000;

  @Id private UUID id;

  @Column(nullable = false)
  private OffsetDateTime at;

  @Column(name = "actor_kind", nullable = false, length = 16)
  private String actorKind;

  @Column(name = "actor_subject", length = 64)
  private String actorSubject;

  @Column(name = "actor_name")
  private String actorName;

  @Column(name = "actor_role", length = 16)
  private String actorRole;

  @Column(nullable = false, length = 64)
  private String action;

  @Column private String target;

  @Column(name = "capsule_id", length = 36)
  private String capsuleId;

  @Column(length = 64)
  private String address;

  @Column private String detail;

  protected AuditEntry() {}

  /** Who did it: kind (person, operator, system), their id, name and role here. */
  public record Who(String kind, String subject, String name, String role, String address) {}

  public static AuditEntry of(
      Who who, String action, String target, UUID capsuleId, String detail) {
    AuditEntry entry = new AuditEntry();
    entry.id = UUID.randomUUID();
    entry.at = OffsetDateTime.now(ZoneOffset.UTC);
    entry.actorKind = who.kind();
    entry.actorSubject = who.subject();
    entry.actorName = cut(who.name(), 255);
    entry.actorRole = who.role();
    entry.address = cut(who.address(), 64);
    entry.action = action;
    entry.target = cut(target, 255);
    entry.capsuleId = capsuleId == null ? null : capsuleId.toString();
    entry.detail = cut(detail, MAX_DETAIL);
    return entry;
  }

  /** A row read back (the platform's log is read with JDBC). */
  public static AuditEntry restored(
      UUID id,
      OffsetDateTime at,
      Who who,
      String action,
      String target,
      UUID capsuleId,
      String detail) {
    AuditEntry entry = of(who, action, target, capsuleId, detail);
    entry.id = id;
    entry.at = at;
    return entry;
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public UUID id() {
    return id;
  }

  public OffsetDateTime at() {
    return at;
  }

  public String actorKind() {
    return actorKind;
  }

  public String actorSubject() {
    return actorSubject;
  }

  public String actorName() {
    return actorName;
  }

  public String actorRole() {
    return actorRole;
  }

  public String action() {
    return action;
  }

  public String target() {
    return target;
  }

  public UUID capsuleId() {
    return capsuleId == null ? null : UUID.fromString(capsuleId);
  }

  public String address() {
    return address;
  }

  public String detail() {
    return detail;
  }
}
