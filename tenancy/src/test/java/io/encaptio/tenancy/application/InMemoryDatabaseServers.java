package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.DatabaseServer;
import io.encaptio.tenancy.domain.DatabaseServerRepository;
import io.encaptio.tenancy.domain.Placement;
import java.util.List;
import java.util.Optional;

/** The main server alone, as on a single database; its tenants are not counted here. */
final class InMemoryDatabaseServers implements DatabaseServerRepository {

  @Override
  public Optional<DatabaseServer> find(String name) {
    return Optional.ofNullable(
        DatabaseServer.MAIN.equals(name) ? DatabaseServer.register(name, 1) : null);
  }

  @Override
  public void add(DatabaseServer server) {
    throw new UnsupportedOperationException("one server here");
  }

  @Override
  public List<Placement.Load> loads() {
    return List.of(new Placement.Load(DatabaseServer.MAIN, 1, 0));
  }
}
