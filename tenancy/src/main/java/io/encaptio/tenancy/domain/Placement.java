package io.encaptio.tenancy.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a new tenant goes: to the server with the most room, the fewest tenants per unit of weight
 * (a server of weight 2 takes twice the tenants of one of weight 1); servers of weight 0 take none.
 * Ties go to the server named first, so the choice is the same on every node.
 */
public final class Placement {

  /** A server, its weight and how many tenants it holds. */
  public record Load(String server, int weight, long tenants) {

    /** Tenants per unit of weight once one more arrives; lower is more room. */
    double crowdingWithOneMore() {
      return (tenants + 1) / (double) weight;
    }
  }

  private Placement() {}

  /** The server for a new tenant; empty when every server has weight 0. */
  public static Optional<String> choose(List<Load> servers) {
    return servers.stream()
        .filter(s -> s.weight() > 0)
        .min(Comparator.comparingDouble(Load::crowdingWithOneMore).thenComparing(Load::server))
        .map(Load::server);
  }
}
