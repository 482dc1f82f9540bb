package io.encaptio.tenancy.infrastructure.database;

import io.encaptio.tenancy.application.ServerDataSources;
import io.encaptio.tenancy.domain.DatabaseServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Each server's Liberty data sources, by name: {@code main} is {@code jdbc/encaptio} and {@code
 * jdbc/encaptioMigrations} (server.xml); another server {@code x} is {@code jdbc/encaptio-x} (XA: a
 * tenant transaction may also touch the platform schema on main, which Liberty commits last as the
 * one one-phase resource) and {@code jdbc/encaptioMigrations-x}, from the configuration an operator
 * adds (README, "Database servers"). Looked up when first used, so a server added to a running
 * server's configuration is found without a restart.
 */
@ApplicationScoped
public class JndiServerDataSources implements ServerDataSources {

  static final String MAIN_TRANSACTIONAL = "jdbc/encaptio";
  static final String MAIN_MIGRATIONS = "jdbc/encaptioMigrations";

  private final Map<String, DataSource> found = new ConcurrentHashMap<>();

  @Override
  public DataSource transactional(String server) {
    return lookUp(jndiName(MAIN_TRANSACTIONAL, server));
  }

  @Override
  public DataSource migrations(String server) {
    return lookUp(jndiName(MAIN_MIGRATIONS, server));
  }

  static String jndiName(String mainName, String server) {
    return DatabaseServer.MAIN.equals(server) ? mainName : mainName + "-" + server;
  }

  private DataSource lookUp(String name) {
    DataSource known = found.get(name);
    if (known != null) {
      return known;
    }
    try {
      DataSource dataSource = InitialContext.doLookup(name);
      found.put(name, dataSource);
      return dataSource;
    } catch (NamingException e) {
      throw new IllegalStateException(
          "The server has no data source "
              + name
              + ": add it to the server configuration before using this database server"
              + " (README, Database servers).",
          e);
    }
  }
}
