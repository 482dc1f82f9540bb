package io.encaptio.tenancy.domain;

import java.util.List;
import java.util.Optional;

/** Stores the database servers in the platform schema. Callers provide the transaction. */
public interface DatabaseServerRepository {

  Optional<DatabaseServer> find(String name);

  void add(DatabaseServer server);

  /** Every server with its weight and the tenants it holds (deleted ones no longer count). */
  List<Placement.Load> loads();
}
