package io.encaptio.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A public key (widget, share page) and what it names: one resource, such as a capsule, inside one
 * tenant. Lives in {@code platform} so a visitor's request finds its tenant before any tenant
 * schema is touched. The key is random (120 bits), so knowing one key reveals nothing of another.
 */
@Entity
@Table(name = "public_keys", schema = "platform")
public class PublicKey {

  private static final Pattern FORMAT = Pattern.compile("pk_[a-z2-7]{24}");
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  @Column(name = "public_key", length = 27)
  private String value;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Column(name = "resource_id", nullable = false)
  private UUID resourceId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected PublicKey() {}

  /** A new random key for the tenant's resource. */
  public static PublicKey issue(UUID tenantId, UUID resourceId) {
    PublicKey key = new PublicKey();
    StringBuilder value = new StringBuilder("pk_");
    for (int i = 0; i < 24; i++) {
      value.append(BASE32[RANDOM.nextInt(BASE32.length)]);
    }
    key.value = value.toString();
    key.tenantId = tenantId;
    key.resourceId = resourceId;
    key.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    return key;
  }

  /** Whether the text has the shape of a key; anything else is refused before a query. */
  public static boolean wellFormed(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  public String value() {
    return value;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public UUID resourceId() {
    return resourceId;
  }
}
