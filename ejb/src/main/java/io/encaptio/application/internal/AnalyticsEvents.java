package io.encaptio.application.internal;

import io.encaptio.domain.analytics.AnalyticsEvent;
import io.encaptio.domain.analytics.AnalyticsEventRepository;
import io.encaptio.tenancy.application.AfterTransaction;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the current tenant's analytics events and notes, in this node's memory and once the
 * event's transaction has committed, that the tenant has new ones: the timer (PlatformStartup,
 * every {@code encaptio.analytics.rollup.interval.seconds}) brings those tenants' roll-ups forward,
 * so a busy tenant's counts lag about a minute, while a tenant without new events waits {@code
 * encaptio.analytics.rollup.idle.minutes} for its next roll-up. Nothing is written beside the event
 * itself: visitors' requests add no statement and wait for nobody. A node that stops before its
 * next tick leaves its tenants to the idle wait.
 */
@ApplicationScoped
public class AnalyticsEvents {

  @Inject AnalyticsEventRepository events;
  @Resource TransactionSynchronizationRegistry transactions;

  private final Set<UUID> tenantsWithNewEvents = ConcurrentHashMap.newKeySet();

  public void record(AnalyticsEvent event) {
    events.add(event);
    UUID tenant = TenantContext.current().id();
    // noted once the event is committed: a roll-up run in between would not see it, and the
    // tenant's next one could be a day away
    boolean later =
        AfterTransaction.register(
            transactions,
            status -> {
              if (status == Status.STATUS_COMMITTED) {
                tenantsWithNewEvents.add(tenant);
              }
            });
    if (!later) {
      tenantsWithNewEvents.add(tenant);
    }
  }

  /** Notes the tenants again, for the next tick: bringing their roll-ups forward failed. */
  void noteNewEvents(Collection<UUID> tenants) {
    tenantsWithNewEvents.addAll(tenants);
  }

  /** The tenants whose recorded events were committed since the last call. */
  List<UUID> drainTenantsWithNewEvents() {
    List<UUID> drained = new ArrayList<>();
    for (Iterator<UUID> i = tenantsWithNewEvents.iterator(); i.hasNext(); ) {
      drained.add(i.next());
      i.remove();
    }
    return drained;
  }
}
