package io.encaptio.tenancy.infrastructure.database;

import io.encaptio.tenancy.application.SchemaStorage;
import io.encaptio.tenancy.application.ServerDataSources;
import io.encaptio.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A schema's size from its server's catalogue. */
@ApplicationScoped
public class CatalogSchemaStorage implements SchemaStorage {

  private static final Logger LOG = Logger.getLogger(CatalogSchemaStorage.class.getName());

  @Inject ServerDataSources dataSources;

  @Override
  public long bytes(String server, SchemaName schema) {
    try (Connection connection = dataSources.migrations(server).getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = ? and c.relkind in ('r', 'm')")) {
      query.setString(1, schema.value());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException | IllegalStateException e) {
      LOG.log(Level.WARNING, e, () -> "The size of " + schema + " on " + server + " is unknown");
      return 0;
    }
  }
}
