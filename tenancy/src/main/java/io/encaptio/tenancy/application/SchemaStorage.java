package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.SchemaName;

/** How much disk a tenant's schema takes on its database server. */
public interface SchemaStorage {

  /** Bytes the schema takes (tables, indexes, TOAST); 0 when the server cannot say. */
  long bytes(String server, SchemaName schema);
}
