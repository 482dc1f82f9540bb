package io.encaptio.domain.audit;

import java.util.List;

/** The current tenant's audit log: append and read, nothing else. */
public interface AuditRepository {

  void append(AuditEntry entry);

  /** One page of the matching rows, newest first. */
  List<AuditEntry> page(AuditQuery query, int first, int max);

  long count(AuditQuery query);

  /** Whether a row of this action about this target was ever written. */
  boolean exists(String action, String target);
}
