package io.encaptio.domain.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A filter over the audit log; every part is optional. {@code from} is inclusive, {@code to}
 * exclusive.
 */
public record AuditQuery(
    String actorSubject, String action, UUID capsuleId, OffsetDateTime from, OffsetDateTime to) {

  public static AuditQuery everything() {
    return new AuditQuery(null, null, null, null, null);
  }
}
