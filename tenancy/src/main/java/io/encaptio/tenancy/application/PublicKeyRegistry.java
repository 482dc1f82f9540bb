package io.encaptio.tenancy.application;

import io.encaptio.tenancy.context.TenantContext;
import io.encaptio.tenancy.domain.PublicKey;
import io.encaptio.tenancy.domain.PublicKeyRepository;
import io.encaptio.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * Public keys of the current tenant's resources (capsules), and the way back from a visitor's key
 * to its tenant. Resolution answers with the tenant's current state, so a suspended tenant's keys
 * resolve to a suspended tenant and callers refuse the visitor.
 */
@ApplicationScoped
public class PublicKeyRegistry {

  @Inject PublicKeyRepository keys;
  @Inject TenantRepository tenants;
  @Inject TenantResolver resolver;
  @Inject PublicKeyCache cache;

  /** What a key names: the tenant as it is now, and the resource inside it. */
  public record PublicKeyOwner(TenantRef tenant, UUID resourceId) {}

  /** The public key of the current tenant's resource, issued at the first call. */
  @Transactional(Transactional.TxType.REQUIRED)
  public String keyFor(UUID resourceId) {
    UUID tenant = TenantContext.current().id();
    return keys.findByResource(tenant, resourceId)
        .orElseGet(
            () -> {
              PublicKey issued = PublicKey.issue(tenant, resourceId);
              keys.add(issued);
              return issued;
            })
        .value();
  }

  /** Withdraws the current tenant's key of the resource; visitors holding it are refused. */
  @Transactional(Transactional.TxType.REQUIRED)
  public void revoke(UUID resourceId) {
    keys.findByResource(TenantContext.current().id(), resourceId)
        .ifPresent(
            key -> {
              keys.remove(key);
              cache.forget(key.value());
            });
  }

  /** The owner of a key; empty for a malformed, unknown or revoked key, or a removed tenant. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PublicKeyOwner> resolve(String key) {
    if (!PublicKey.wellFormed(key)) {
      return Optional.empty();
    }
    PublicKeyCache.Target target = cache.target(key);
    if (target == null) {
      Optional<PublicKeyCache.Target> found =
          keys.find(key)
              .flatMap(
                  k ->
                      tenants
                          .findById(k.tenantId())
                          .map(
                              t ->
                                  new PublicKeyCache.Target(
                                      t.id(), t.slug().value(), k.resourceId())));
      if (found.isEmpty()) {
        return Optional.empty();
      }
      target = found.get();
      cache.remember(key, target);
    }
    UUID tenantId = target.tenantId();
    UUID resourceId = target.resourceId();
    return resolver
        .byOrganizationAlias(target.tenantSlug())
        .filter(tenant -> tenant.id().equals(tenantId)) // a slug reused by a later tenant
        .map(tenant -> new PublicKeyOwner(tenant, resourceId));
  }
}
