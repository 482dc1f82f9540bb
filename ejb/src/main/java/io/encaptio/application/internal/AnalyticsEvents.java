package io.encaptio.application.internal;

import io.encaptio.domain.analytics.AnalyticsEvent;
import io.encaptio.domain.analytics.AnalyticsEventRepository;
import io.encaptio.domain.job.JobQueue;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records the current tenant's analytics events and, in the same transaction, has its analytics
 * roll-up run within {@code encaptio.analytics.rollup.interval.seconds}: a tenant's roll-up waits
 * that long after its first new event (so the events of a busy minute are counted together) and an
 * idle tenant's only runs every {@code encaptio.analytics.rollup.idle.minutes} (PlatformStartup),
 * so thousands of quiet tenants cost a few roll-ups a minute, not one each.
 */
@ApplicationScoped
public class AnalyticsEvents {

  @Inject AnalyticsEventRepository events;
  @Inject JobQueue jobs;

  @Inject
  @ConfigProperty(name = "encaptio.analytics.rollup.interval.seconds", defaultValue = "60")
  long rollUpIntervalSeconds;

  public void record(AnalyticsEvent event) {
    events.add(event);
    jobs.runPeriodicWithin(
        JobQueue.ROLL_UP_ANALYTICS,
        TenantContext.current().id(),
        Duration.ofSeconds(rollUpIntervalSeconds));
  }
}
