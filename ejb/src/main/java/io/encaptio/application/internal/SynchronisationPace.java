package io.encaptio.application.internal;

import java.time.Duration;

/**
 * How often a node's periodic synchronisation with the identity provider runs: every interval while
 * it is quick, and rarer once it takes more than {@code dutyPercent} of the time between two runs,
 * so that a node spends at most that share of its time synchronising. The time is the node's wall
 * time for the whole run (listing, registering new tenants, seeding roles), mostly Keycloak's
 * listing of every organization: at ten thousand of them many seconds of its work, which otherwise
 * slowed every sign-in and token check sharing its cores. Every node runs its own timer, so
 * Keycloak's share is up to the number of nodes times this one.
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
