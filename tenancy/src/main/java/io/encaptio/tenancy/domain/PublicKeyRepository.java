package io.encaptio.tenancy.domain;

import java.util.Optional;
import java.util.UUID;

/** Public keys in the platform schema. Callers provide the transaction. */
public interface PublicKeyRepository {

  Optional<PublicKey> find(String value);

  Optional<PublicKey> findByResource(UUID tenantId, UUID resourceId);

  void add(PublicKey key);

  void remove(PublicKey key);
}
