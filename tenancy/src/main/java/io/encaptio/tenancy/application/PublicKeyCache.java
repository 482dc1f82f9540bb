package io.encaptio.tenancy.application;

import java.io.Serializable;
import java.util.UUID;

/**
 * Cache of what public keys name (each node's own while Infinispan runs locally). A key never
 * changes owner, so an entry only goes when its key is revoked; the tenant's state is looked up
 * separately.
 */
public interface PublicKeyCache {

  Target target(String key);

  void remember(String key, Target target);

  void forget(String key);

  /** The tenant (by id and slug) and the resource a key names. */
  record Target(UUID tenantId, String tenantSlug, UUID resourceId) implements Serializable {}
}
