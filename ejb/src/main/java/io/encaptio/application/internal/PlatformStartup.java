package io.encaptio.application.internal;

import io.encaptio.application.TenantDirectory;
import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.domain.job.JobQueue;
import io.encaptio.tenancy.application.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings the platform up to date when the application starts, without blocking the start: the
 * platform schema is migrated, the existing tenant schemas are migrated in the background (a few at
 * a time), and the identity provider's organizations are registered as tenants. Both steps repeat
 * on a timer, so a database or Keycloak that comes up later is picked up, and organizations added
 * in Keycloak become tenants within one interval, or within {@link SynchronisationPace a longer
 * one} when a synchronisation takes more than its share of the time. A second timer queues every
 * active tenant's analytics roll-up where none waits, every {@code
 * encaptio.analytics.rollup.interval.seconds}, once the platform schema is migrated (whether or not
 * Keycloak answers), makes due the roll-ups of the tenants with new events on this node, and during
 * the day after the weekly summaries' time brings every tenant's waiting roll-up forward into it,
 * spread over {@link #SUMMARY_SPREAD}.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformStartup {

  private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

  @Resource TimerService timers;
  @Inject SchemaMigrations migrations;
  @Inject TenantSchemaMigrator schemaMigrator;
  @EJB TenantDirectory directory;
  @Inject JobQueue jobs;
  @Inject PlatformReadiness readiness;
  @Inject AnalyticsEvents analyticsEvents;
  @EJB WeeklySummaries summaries;

  @Inject
  @ConfigProperty(name = "encaptio.tenant.sync.interval.seconds", defaultValue = "60")
  long syncIntervalSeconds;

  /**
   * The largest share of this node's time, in percent, that its synchronisations may take (their
   * wall time, mostly Keycloak listing organizations: many seconds at ten thousand of them).
   */
  @Inject
  @ConfigProperty(name = "encaptio.tenant.sync.duty.percent", defaultValue = "5")
  double syncDutyPercent;

  /**
   * How often the timer makes sure every tenant has its analytics roll-up waiting, and makes the
   * roll-ups of the tenants with new events on this node due (AnalyticsEvents).
   */
  @Inject
  @ConfigProperty(name = "encaptio.analytics.rollup.interval.seconds", defaultValue = "60")
  long rollUpIntervalSeconds;

  /**
   * How long a tenant without new events waits for its next roll-up: quiet tenants are most of a
   * large platform, and each roll-up claims a job and opens the tenant's schema (at 10,000 tenants
   * with an hour's wait, roll-ups running some 6 a second made a tenant read 40 % slower). A
   * tenant's events bring its roll-up forward (AnalyticsEvents), and the weekly summary's time
   * brings every waiting one forward, so the idle roll-up only catches events this node did not see
   * (recorded on a node that stopped before its next tick).
   */
  @Inject
  @ConfigProperty(name = "encaptio.analytics.rollup.idle.minutes", defaultValue = "1440")
  double rollUpIdleMinutes;

  private static final String ROLL_UP = "analytics-rollup";

  /**
   * After the weekly summaries' time, how long before the first tenant's roll-up is brought to: a
   * roll-up that ran across that time has queued its next one by then (whose tenant's time is after
   * it, so it is brought forward too).
   */
  static final Duration SUMMARY_SETTLE = Duration.ofMinutes(10);

  /**
   * Over how long the tenants' roll-ups are spread after it, well inside the day in which a roll-up
   * raises the summary: 10,000 quiet tenants make 14 a minute, not 10,000 at once ahead of every
   * other job.
   */
  static final Duration SUMMARY_SPREAD = Duration.ofHours(12);

  private volatile boolean platformMigrated;

  private SynchronisationPace syncPace;

  /** Timer ticks to let pass before the next synchronisation. */
  private long syncTicksToSkip;

  private boolean synchronisedOnce;

  @PostConstruct
  void scheduleSynchronisation() {
    // a share outside (0, 100] stops the start here, with the setting's name
    syncPace = new SynchronisationPace(Duration.ofSeconds(syncIntervalSeconds), syncDutyPercent);
    timers.createIntervalTimer(
        0, syncIntervalSeconds * 1000, new TimerConfig("tenant-synchronisation", false));
    timers.createIntervalTimer(
        rollUpIntervalSeconds * 1000,
        rollUpIntervalSeconds * 1000,
        new TimerConfig(ROLL_UP, false));
  }

  @Timeout
  void onTimer(Timer timer) {
    if (ROLL_UP.equals(timer.getInfo())) {
      queueRollUps();
    } else {
      synchronise();
    }
  }

  private void queueRollUps() {
    if (!platformMigrated) {
      return; // the next tick, once the platform schema is current
    }
    try {
      int queued =
          jobs.ensurePeriodic(
              JobQueue.ROLL_UP_ANALYTICS, Duration.ofMillis((long) (rollUpIdleMinutes * 60_000)));
      List<UUID> withNewEvents = analyticsEvents.drainTenantsWithNewEvents();
      int due;
      try {
        due = jobs.runPeriodicNow(JobQueue.ROLL_UP_ANALYTICS, withNewEvents);
      } catch (RuntimeException e) {
        analyticsEvents.noteNewEvents(withNewEvents); // the next tick tries them again
        throw e;
      }
      LOG.fine(() -> queued + " analytics roll-ups queued, " + due + " made due for new events");
      // every tenant's summary is raised by its first roll-up after the summaries' time
      int forward =
          summaries
              .summaryTime(Instant.now())
              .map(
                  at ->
                      jobs.bringPeriodicForward(
                          JobQueue.ROLL_UP_ANALYTICS, at.plus(SUMMARY_SETTLE), SUMMARY_SPREAD))
              .orElse(0);
      if (forward > 0) {
        LOG.info(
            () ->
                forward
                    + " waiting analytics roll-ups brought forward into the weekly summaries' day");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Analytics roll-ups were not queued: " + e, e);
    }
  }

  private void synchronise() {
    try {
      if (!platformMigrated) {
        String version = migrations.migratePlatform();
        platformMigrated = true;
        readiness.migrated();
        LOG.info(() -> "Platform schema is at version " + version);
        schemaMigrator.migrateAllInBackground();
      }
      if (syncTicksToSkip > 0) {
        syncTicksToSkip--;
        return;
      }
      long started = System.nanoTime();
      int count;
      Duration took;
      try {
        count =
            ActorContext.supplyAs(
                Actor.system("tenant synchronisation"),
                () -> directory.synchronizeWithIdentityProvider().size());
      } finally {
        // paced whether it succeeded or failed after long waits (an overloaded Keycloak timing out)
        took = Duration.ofNanos(System.nanoTime() - started);
        syncTicksToSkip = syncPace.ticksToSkip(took);
      }
      report(count, took);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Platform synchronisation failed; retrying in "
              + (syncTicksToSkip + 1) * syncIntervalSeconds
              + " s: "
              + e,
          e);
    }
  }

  private void report(int count, Duration took) {
    // the first one after a start is always reported: it registers what changed while down
    Level level = syncTicksToSkip > 0 || !synchronisedOnce ? Level.INFO : Level.FINE;
    synchronisedOnce = true;
    long next = (syncTicksToSkip + 1) * syncIntervalSeconds;
    LOG.log(
        level,
        () ->
            count
                + " tenants synchronised with the identity provider in "
                + took.toMillis()
                + " ms; the next synchronisation in "
                + next
                + " s keeps this node's synchronisations under "
                + syncDutyPercent
                + " % of its time");
  }

  public boolean platformMigrated() {
    return platformMigrated;
  }
}
