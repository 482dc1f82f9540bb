package io.encaptio.application.internal;

import io.encaptio.domain.audit.PlatformAuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes the platform's audit rows (operators' actions on tenants) for the current actor. */
@ApplicationScoped
public class PlatformAudit {

  @Inject PlatformAuditLog log;

  public void record(String action, String tenantSlug, String detail) {
    log.append(AuditTrail.who(), action, tenantSlug, detail);
  }
}
