package io.encaptio.tenancy.domain;

import java.util.List;
import java.util.Optional;

/** Stores tenants in the platform schema. Callers provide the transaction. */
public interface TenantRepository {

  Optional<Tenant> findBySlug(TenantSlug slug);

  List<Tenant> findAll();

  void add(Tenant tenant);
}
