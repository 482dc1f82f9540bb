package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.context.TenantContext;
import io.encaptio.tenancy.domain.DatabaseServer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.SynchronizationType;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;

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
 *
 * <p>Inside a transaction the entity manager comes from the tenant's own factory ({@link
 * TenantEntityManagerFactories}) and is the transaction's: every repository in the transaction gets
 * the same one (as with a container-managed persistence context), it joins the transaction and is
 * closed when the transaction ends, releasing its lease on the factory. The factory is the one of
 * the tenant's database server. The registry key holds the server and the schema, so a transaction
 * that runs as two tenants one after the other gets one entity manager per tenant. Outside a
 * transaction (the services start one for every use of tenant data; this keeps a stray read right
 * rather than failing) the container's entity manager is used with the tenant's schema set on it;
 * that one is on the main server only, so for a tenant elsewhere such a read is refused. While a
 * tenant is read-only (moved between servers), its transactions are too.
 */
@ApplicationScoped
public class TenantEntityManager {

  /** The context property named in tenant-orm.xml; its value is the tenant's schema. */
  static final String SCHEMA_PROPERTY = "encaptio.tenant.schema";

  @PersistenceContext(unitName = "tenant")
  EntityManager outsideTransactions;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject TenantEntityManagerFactories factories;

  /** The key of a tenant's entity manager among the transaction's resources. */
  private record Key(String server, String schema) {}

  /**
   * A table of the current tenant's schema, quoted, for the native statements JPA cannot express
   * (pgvector, bytea): EclipseLink routes JPQL by itself, native SQL must name the schema. The
   * schema name passed the registry's strict pattern, so quoting it cannot inject anything.
   */
  public String table(String name) {
    return "\"" + TenantContext.current().schemaName().value() + "\"." + name;
  }

  /** The current tenant's entity manager of the current transaction. */
  public EntityManager current() {
    TenantRef tenant = TenantContext.current();
    String schema = tenant.schemaName().value();
    if (transactions.getTransactionKey() == null) {
      if (!DatabaseServer.MAIN.equals(tenant.databaseServer())) {
        return outsideTransaction(new Key(tenant.databaseServer(), schema));
      }
      if (!schema.equals(outsideTransactions.getProperties().get(SCHEMA_PROPERTY))) {
        outsideTransactions.setProperty(SCHEMA_PROPERTY, schema);
      }
      return outsideTransactions;
    }
    Key key = new Key(tenant.databaseServer(), schema);
    EntityManager em = (EntityManager) transactions.getResource(key);
    if (em == null) {
      em = opened(factories.lease(tenant.databaseServer(), schema));
      transactions.putResource(key, em);
      if (tenant.readOnly()) {
        readOnly(em);
      }
    }
    return em;
  }

  /** Entity managers of tenants on other servers opened outside a transaction, per thread. */
  private static final ThreadLocal<Map<Key, EntityManager>> OUTSIDE =
      ThreadLocal.withInitial(HashMap::new);

  /**
   * For a tenant on another server, outside a transaction: an entity manager of the tenant's
   * factory for the rest of the thread's tenant scope (the container's one is on the main server
   * only), closed and its lease released when the scope ends.
   */
  private EntityManager outsideTransaction(Key key) {
    Map<Key, EntityManager> open = OUTSIDE.get();
    EntityManager em = open.get(key);
    if (em == null) {
      FactoryPool.Lease lease = factories.lease(key.server(), key.schema());
      EntityManager opened = lease.factory().createEntityManager();
      open.put(key, opened);
      TenantContext.closeWhenDone(
          () -> {
            open.remove(key);
            if (open.isEmpty()) {
              OUTSIDE.remove();
            }
            try {
              opened.close();
            } finally {
              lease.release();
            }
          });
      em = opened;
    }
    return em;
  }

  /**
   * Makes the rest of the transaction read-only in PostgreSQL itself (allowed at any point of a
   * transaction): while a tenant is moved between servers, any write fails with SQLSTATE 25006,
   * which the API answers as 503 with the reason and the portal shows.
   */
  private static void readOnly(EntityManager em) {
    em.createNativeQuery("SELECT set_config('transaction_read_only', 'on', true)")
        .getSingleResult();
  }

  /** An entity manager in the current transaction, closed and its lease released at its end. */
  private EntityManager opened(FactoryPool.Lease lease) {
    EntityManager em = null;
    try {
      em = lease.factory().createEntityManager(SynchronizationType.SYNCHRONIZED);
      em.joinTransaction();
      transactions.registerInterposedSynchronization(closing(em, lease));
      return em;
    } catch (RuntimeException e) {
      if (em != null) {
        em.close();
      }
      lease.release();
      throw e;
    }
  }

  private static Synchronization closing(EntityManager em, FactoryPool.Lease lease) {
    return new Synchronization() {
      @Override
      public void beforeCompletion() {
        // the provider flushes in its own synchronization
      }

      @Override
      public void afterCompletion(int status) {
        try {
          em.close();
        } finally {
          lease.release();
        }
      }
    };
  }
}
