package io.encaptio.application.internal;

import java.time.Duration;

/**
 * How often the periodic synchronisation with the identity provider runs: every interval while it
 * is quick, and rarer once it takes more than {@code dutyPercent} of the time between two runs, so
 * that at most that share of the provider's time goes to it. A synchronisation lists every
 * organization; at ten thousand of them that is many seconds of Keycloak's work, which otherwise
 * slowed every sign-in and token check sharing its cores.
 *
 * @param interval the timer's interval
 * @param dutyPercent the largest share of the time a synchronisation may take, in percent (0, 100]
 */
record SynchronisationPace(Duration interval, double dutyPercent) {

  SynchronisationPace {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("The synchronisation interval must be positive");
    }
    if (!(dutyPercent > 0 && dutyPercent <= 100)) {
      throw new IllegalArgumentException(
          "encaptio.tenant.sync.duty.percent must be above 0 and at most 100, not " + dutyPercent);
    }
  }

  /**
   * The timer ticks to let pass after a synchronisation that took {@code took}: none while it took
   * at most its share of one interval.
   */
  long ticksToSkip(Duration took) {
    double wanted = took.toNanos() * 100 / dutyPercent;
    long ticks = (long) Math.ceil(wanted / interval.toNanos());
    return Math.max(0, ticks - 1);
  }
}
