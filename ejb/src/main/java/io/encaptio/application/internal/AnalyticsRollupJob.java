package io.encaptio.application.internal;

import io.encaptio.domain.job.Job;
import io.encaptio.domain.job.JobQueue;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Rolls the tenant's analytics events up (queued for every active tenant by the tenant
 * synchronisation timer, PlatformStartup, where none waits: about once a minute).
 */
@ApplicationScoped
public class AnalyticsRollupJob implements JobHandler {

  private static final Logger LOG = Logger.getLogger(AnalyticsRollupJob.class.getName());

  @EJB AnalyticsSteps steps;

  @Override
  public String kind() {
    return JobQueue.ROLL_UP_ANALYTICS;
  }

  @Override
  public void handle(Job job) {
    int written = steps.rollUp(Instant.now());
    if (written > 0) {
      LOG.fine(() -> "Analytics rolled up: " + written + " rows");
    }
  }
}
