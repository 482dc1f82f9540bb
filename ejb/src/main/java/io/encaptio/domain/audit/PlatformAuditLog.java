package io.encaptio.domain.audit;

import java.util.List;

/** Operators' actions on tenants, in the platform schema: append and read, nothing else. */
public interface PlatformAuditLog {

  void append(AuditEntry.Who who, String action, String tenantSlug, String detail);

  /** One page, newest first, of every tenant's rows or of one tenant's ({@code slug} not null). */
  List<AuditEntry> page(String tenantSlug, int first, int max);

  long count(String tenantSlug);
}
