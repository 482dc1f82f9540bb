package io.encaptio.application;

import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The current organization's audit log, for its admins; the platform's, for operators. */
public interface AuditService {

  @Requires(Permission.READ_AUDIT)
  AuditPage entries(AuditFilter filter, int first, int max);

  @Requires(Permission.OPERATE_PLATFORM)
  AuditPage platformEntries(String tenantSlug, int first, int max);

  /**
   * A filter over the log; every part optional. {@code actor} is a subject or a username; dates are
   * inclusive from, exclusive to.
   */
  record AuditFilter(
      String actor, String action, UUID capsuleId, OffsetDateTime from, OffsetDateTime to)
      implements Serializable {}

  record AuditEntryDto(
      UUID id,
      OffsetDateTime at,
      String actorKind,
      String actorSubject,
      String actorName,
      String actorRole,
      String action,
      String target,
      UUID capsuleId,
      String address,
      String detail)
      implements Serializable {}

  record AuditPage(List<AuditEntryDto> entries, long total) implements Serializable {}
}
