package io.encaptio.application.internal;

import io.encaptio.domain.analytics.AnalyticsRollups;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The analytics roll-up of the current tenant, in one transaction: the quarters from {@code
 * lookback} before the last roll-up up to the current quarter are computed again from the events
 * (an event recorded that late still lands in its quarter), or every quarter since the first event
 * when there was no roll-up yet (a new tenant, or one just imported). Two roll-ups of one tenant
 * never overlap (the tenant's advisory lock).
 */
@Stateless
@LocalBean
public class AnalyticsSteps {

  /** Rows after which the planner's statistics of the roll-up tables are refreshed. */
  static final int ANALYZE_AFTER = 10_000;

  @Inject AnalyticsRollups rollups;

  @Inject
  @ConfigProperty(name = "encaptio.analytics.rollup.lookback.minutes", defaultValue = "120")
  long lookbackMinutes;

  /**
   * @return rows written (0 when nothing happened since the window began)
   */
  public int rollUp(Instant now) {
    rollups.lock();
    Instant current = quarter(now);
    Optional<Instant> until = rollups.lastRollUp().map(AnalyticsRollups.LastRollUp::until);
    Instant from;
    Instant to = current.plusSeconds(AnalyticsRollups.QUARTER_SECONDS);
    if (until.isPresent()) {
      from = quarter(until.get().minus(Duration.ofMinutes(lookbackMinutes)));
      if (!rollups.eventsSince(from)) {
        to = from; // nothing to count again: only the roll-up's time moves on
      }
    } else {
      from = rollups.firstEvent().map(AnalyticsSteps::quarter).orElse(current);
    }
    int written = rollups.rollUp(from, to, current);
    if (until.isEmpty() || written > ANALYZE_AFTER) {
      rollups.analyze();
    }
    return written;
  }

  /** The start of the quarter of an hour {@code time} falls in. */
  static Instant quarter(Instant time) {
    long seconds = time.getEpochSecond();
    return Instant.ofEpochSecond(
        seconds - Math.floorMod(seconds, AnalyticsRollups.QUARTER_SECONDS));
  }
}
