package io.encaptio.application.internal;

import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.domain.audit.AuditEntry;
import io.encaptio.domain.audit.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Writes the current tenant's audit rows for the current actor, in the caller's transaction: a
 * change that rolls back leaves no row, and a row is never written for a change that did not
 * happen.
 */
@ApplicationScoped
public class AuditTrail {

  @Inject AuditRepository log;

  public void record(String action, String target, UUID capsuleId, String detail) {
    log.append(AuditEntry.of(who(), action, target, capsuleId, detail));
  }

  /** A change with what it was and what it became, as {@code before → after}. */
  public void recordChange(String action, String target, Object before, Object after) {
    record(action, target, null, before + " → " + after);
  }

  static AuditEntry.Who who() {
    Actor actor = ActorContext.find().orElse(Actor.system("unknown"));
    return new AuditEntry.Who(
        actor.kind().name().toLowerCase(java.util.Locale.ROOT),
        actor.subject(),
        actor.name(),
        actor.role() == null ? null : actor.role().label(),
        actor.address());
  }
}
