package io.encaptio.tenancy.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores tenants in the platform schema. Callers provide the transaction. */
public interface TenantRepository {

  Optional<Tenant> findBySlug(TenantSlug slug);

  Optional<Tenant> findById(UUID id);

  List<Tenant> findAll();

  void add(Tenant tenant);

  void remove(Tenant tenant);

  /** One page of tenants matching the query, in its order. */
  List<Tenant> search(TenantQuery query);

  /** How many tenants match the query's text and status. */
  long count(TenantQuery query);
}
