package io.encaptio.domain.capsule;

import java.util.Optional;
import java.util.UUID;

/**
 * Capsules' {@link VisitorAccess} for a few seconds, so the check on every public call does not
 * open a transaction of its own; keyed by the current tenant and the capsule.
 */
public interface VisitorAccessCache {

  Optional<VisitorAccess> get(UUID capsuleId);

  void put(UUID capsuleId, VisitorAccess access);

  void forget(UUID capsuleId);
}
