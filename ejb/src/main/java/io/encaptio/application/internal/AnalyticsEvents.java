package io.encaptio.application.internal;

import io.encaptio.domain.analytics.AnalyticsEvent;
import io.encaptio.domain.analytics.AnalyticsEventRepository;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the current tenant's analytics events and notes, in this node's memory, that the tenant
 * has new ones: the timer (PlatformStartup, every {@code
 * encaptio.analytics.rollup.interval.seconds}) brings those tenants' roll-ups forward, so a busy
 * tenant's counts lag about a minute, while a tenant without new events waits {@code
 * encaptio.analytics.rollup.idle.minutes} for its next roll-up. Nothing is written beside the event
 * itself: visitors' requests add no statement and wait for nobody. A node that stops before its
 * next tick leaves its tenants to the idle wait.
 */
@ApplicationScoped
public class AnalyticsEvents {

  @Inject AnalyticsEventRepository events;

  private final Set<UUID> tenantsWithNewEvents = ConcurrentHashMap.newKeySet();

  public void record(AnalyticsEvent event) {
    events.add(event);
    tenantsWithNewEvents.add(TenantContext.current().id());
  }

  /**
   * The tenants that recorded events since the last call (a rolled-back one among them, rarely).
   */
  List<UUID> drainTenantsWithNewEvents() {
    List<UUID> drained = new ArrayList<>();
    for (Iterator<UUID> i = tenantsWithNewEvents.iterator(); i.hasNext(); ) {
      drained.add(i.next());
      i.remove();
    }
    return drained;
  }
}
