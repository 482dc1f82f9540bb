package io.encaptio.tenancy.application;

import javax.sql.DataSource;

/**
 * The data sources of each database server that holds tenant schemas: {@code main} (the platform
 * schema's own server) and the servers registered in {@code platform.database_servers}.
 */
public interface ServerDataSources {

  /** The server's JTA data source: tenant data inside the caller's transaction. */
  DataSource transactional(String server);

  /** The server's non-transactional data source: DDL, migrations, export and import. */
  DataSource migrations(String server);
}
