package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.tenancy.context.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The entity manager of tenant data, pointed at the current tenant's schema.
 *
 * <p>Routing uses EclipseLink's TABLE_PER_TENANT multitenancy with a SCHEMA discriminator
 * (META-INF/tenant-orm.xml) rather than a per-transaction {@code SET search_path}: every statement
 * EclipseLink writes names the schema itself, so nothing depends on the state of a pooled
 * connection, a connection returned to the pool cannot carry one tenant's search path into another
 * tenant's transaction, and JPQL and native queries cannot silently fall back to {@code public}.
 * The shared cache is off (persistence.xml) so no entity crosses tenants through it. Without a
 * current tenant, {@link TenantContext#current()} throws before any SQL is built.
 */
@ApplicationScoped
public class TenantEntityManager {

  /** The context property named in tenant-orm.xml; its value is the tenant's schema. */
  static final String SCHEMA_PROPERTY = "encaptio.tenant.schema";

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  /**
   * A table of the current tenant's schema, quoted, for the native statements JPA cannot express
   * (pgvector, bytea): EclipseLink routes JPQL by itself, native SQL must name the schema. The
   * schema name passed the registry's strict pattern, so quoting it cannot inject anything.
   */
  public String table(String name) {
    return "\"" + TenantContext.current().schemaName().value() + "\"." + name;
  }

  /**
   * The transaction's entity manager for the current tenant. Call inside a transaction. The schema
   * is set once per transaction's entity manager: setting it makes EclipseLink rebuild the tenant's
   * view of every mapped table, which measured several milliseconds a time when every repository
   * call set it again.
   */
  public EntityManager current() {
    String schema = TenantContext.current().schemaName().value();
    if (!schema.equals(em.getProperties().get(SCHEMA_PROPERTY))) {
      em.setProperty(SCHEMA_PROPERTY, schema);
    }
    return em;
  }
}
