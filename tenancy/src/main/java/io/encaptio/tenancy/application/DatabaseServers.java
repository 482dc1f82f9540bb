package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.DatabaseServer;
import io.encaptio.tenancy.domain.DatabaseServerRepository;
import io.encaptio.tenancy.domain.InvalidTenantException;
import io.encaptio.tenancy.domain.Placement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The database servers that hold tenant schemas: which there are, how many tenants each holds and
 * its share of new ones. A server is registered only once its data sources answer and it has
 * pgvector, so no tenant is ever placed where its schema cannot be made; it gets the platform
 * schema's tables too, which stay empty there (see {@link
 * SchemaMigrations#migratePlatform(String)}).
 */
@ApplicationScoped
public class DatabaseServers {

  @Inject DatabaseServerRepository servers;
  @Inject ServerDataSources dataSources;
  @Inject SchemaMigrations migrations;

  /** Every server with its weight and its tenants. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Placement.Load> loads() {
    return servers.loads();
  }

  /** Registers a server whose data sources the configuration has; refused with what to fix. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Placement.Load register(String name, int weight) {
    DatabaseServer server = DatabaseServer.register(name, weight);
    if (servers.find(name).isPresent()) {
      throw new InvalidTenantException(
          Map.of("name", "A database server named " + name + " is registered already."));
    }
    check(name);
    migrations.migratePlatform(name);
    servers.add(server);
    return new Placement.Load(name, weight, 0);
  }

  /** Changes a server's share of new tenants; its tenants stay where they are. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Placement.Load weigh(String name, int weight) {
    DatabaseServer server = require(name);
    server.weigh(weight);
    return servers.loads().stream().filter(l -> l.server().equals(name)).findFirst().orElseThrow();
  }

  /** Refuses a server that is not registered. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public DatabaseServer require(String name) {
    return servers
        .find(name)
        .orElseThrow(
            () ->
                new InvalidTenantException(
                    Map.of("server", "No database server named " + name + " is registered.")));
  }

  /** Both data sources answer and the vector extension is there. */
  private void check(String name) {
    try {
      dataSources.transactional(name);
      try (Connection connection = dataSources.migrations(name).getConnection();
          Statement statement = connection.createStatement();
          ResultSet vector =
              statement.executeQuery(
                  "SELECT extversion FROM pg_extension WHERE extname = 'vector'")) {
        if (!vector.next()) {
          throw new InvalidTenantException(
              Map.of(
                  "name",
                  "Database server "
                      + name
                      + " has no vector extension in its database: run CREATE EXTENSION vector"
                      + " there as a superuser, then register it again."));
        }
      }
    } catch (IllegalStateException | SQLException e) {
      throw new InvalidTenantException(
          Map.of("name", "Database server " + name + " cannot be reached: " + e.getMessage()));
    }
  }
}
