package io.encaptio.application.internal;

import io.encaptio.domain.job.Job;
import io.encaptio.domain.job.JobQueue;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Rolls the tenant's analytics events up, then raises the weekly summary when it is due. One waits
 * for every active tenant (PlatformStartup queues it where none does, due after the idle time); a
 * tenant's new events bring it forward (AnalyticsEvents).
 */
@ApplicationScoped
public class AnalyticsRollupJob implements JobHandler {

  private static final Logger LOG = Logger.getLogger(AnalyticsRollupJob.class.getName());

  @EJB AnalyticsSteps steps;
  @EJB WeeklySummaries summaries;

  @Override
  public String kind() {
    return JobQueue.ROLL_UP_ANALYTICS;
  }

  @Override
  public void handle(Job job) {
    Instant now = Instant.now();
    int written = steps.rollUp(now);
    if (written > 0) {
      LOG.fine(() -> "Analytics rolled up: " + written + " rows");
    }
    summaries.raiseIfDue(now); // after the roll-up, so the summary counts the last quarter too
  }
}
