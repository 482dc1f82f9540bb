package io.encaptio.domain.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A visitor who left contact details in a capsule's conversation: one per e-mail address and
 * capsule (per phone number when the form asks for no e-mail). Leaving details again updates the
 * lead (a field left empty keeps what was there) and counts the submission; the conversations it
 * came from are kept beside it. Tenant-scoped (META-INF/tenant-orm.xml).
 */
@Entity
@Table(name = "lead")
public class Lead {

  @Id private UUID id;

  @Column(name = "capsule_id", nullable = false, updatable = false)
  private UUID capsuleId;

  @Column(length = 254, updatable = false)
  private String email;

  @Column(length = 200)
  private String name;

  @Column(length = 40)
  private String phone;

  @Column(length = 200)
  private String company;

  @Column private String message;

  @Column(nullable = false)
  private String consent;

  @Column(nullable = false)
  private int submissions;

  @Column(name = "first_at", nullable = false, updatable = false)
  private OffsetDateTime firstAt;

  @Column(name = "last_at", nullable = false)
  private OffsetDateTime lastAt;

  protected Lead() {}

  /** A first submission; the details were checked by {@link LeadDetails#checked}. */
  public static Lead of(UUID capsuleId, LeadDetails details) {
    Lead lead = new Lead();
    lead.id = UUID.randomUUID();
    lead.capsuleId = capsuleId;
    lead.email = details.email();
    lead.firstAt = OffsetDateTime.now(ZoneOffset.UTC);
    lead.submissions = 0;
    lead.submittedAgain(details);
    return lead;
  }

  /** The same visitor (by e-mail) left details again: newer details win, empty ones keep. */
  public void submittedAgain(LeadDetails details) {
    name = details.name() == null ? name : details.name();
    phone = details.phone() == null ? phone : details.phone();
    company = details.company() == null ? company : details.company();
    message = details.message() == null ? message : details.message();
    consent = details.consent();
    submissions++;
    lastAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public UUID id() {
    return id;
  }

  public UUID capsuleId() {
    return capsuleId;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public String phone() {
    return phone;
  }

  public String company() {
    return company;
  }

  public String message() {
    return message;
  }

  public String consent() {
    return consent;
  }

  public int submissions() {
    return submissions;
  }

  public OffsetDateTime firstAt() {
    return firstAt;
  }

  public OffsetDateTime lastAt() {
    return lastAt;
  }
}
