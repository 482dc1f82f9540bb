package io.encaptio.tenancy.application;

import io.encaptio.tenancy.context.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;

/**
 * How a change forgets what caches hold of it: at once and, when the change runs in a transaction,
 * again once the transaction has ended (in the tenant of the change). A request on any node that
 * read the old row between the two, before the change was committed, cannot keep it cached; with
 * the caches replicated over a cluster, such a stale entry would otherwise reach every node and
 * live out its lifespan (a suspended tenant's look-up lives ten minutes).
 */
@ApplicationScoped
public class Evictions {

  @Resource TransactionSynchronizationRegistry transactions;

  /** Runs {@code removal} now, and again after the current transaction if there is one. */
  public void evict(Runnable removal) {
    removal.run();
    // outside a container (unit tests) or outside a transaction nothing commits later
    Optional<TenantRef> tenant = TenantContext.find();
    AfterTransaction.register(
        transactions,
        status -> tenant.ifPresentOrElse(t -> TenantContext.runAs(t, removal), removal));
  }
}
