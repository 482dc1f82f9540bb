package io.encaptio.infrastructure.cache;

import io.encaptio.application.RateLimiter;
import io.encaptio.tenancy.infrastructure.cache.ClusterSettings;
import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches;
import io.encaptio.tenancy.infrastructure.cache.LoopbackCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The rate limits' cost per answer on local counters against the counters of a two-node cluster
 * (benchmark, not a test: {@code encaptio.sh bench counters}). An answer makes the four limit
 * checks of the product (VisitorLimits: the address's public call, then the visitor's, the
 * address's and the capsule's questions); each visitor asks ten questions, so four keys in ten are
 * new (a new counter is defined for the cluster) and the rest are counted again. Both sides run in
 * this JVM, in alternating blocks so that both meet the same noise; the cluster's two nodes are
 * joined over JGroups TCP on 127.0.0.1 and the answers alternate between them, as behind a load
 * balancer. Every visitor, address and capsule is new to the run: no key is measured twice from
 * cold.
 */
public final class CounterBench {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final int QUESTIONS_PER_VISITOR = 10;

  private CounterBench() {}

  public static void main(String[] args) throws IOException {
    int answers = Integer.parseInt(args.length > 0 ? args[0] : "20000");
    Path out = Path.of(args.length > 1 ? args[1] : "bench-counters-results.md");
    InfinispanCaches local = InfinispanCaches.start(ClusterSettings.none());
    try (LoopbackCluster cluster = LoopbackCluster.of(2)) {
      RateLimiter[] alone = {InfinispanRateLimiter.of(local.counters(), Clock.systemUTC())};
      RateLimiter[] two = {
        InfinispanRateLimiter.of(cluster.node(0).counters(), Clock.systemUTC()),
        InfinispanRateLimiter.of(cluster.node(1).counters(), Clock.systemUTC())
      };
      // warm-up, not reported: the JIT compiles both paths
      run(alone, 2_000, new long[2_000]);
      run(two, 2_000, new long[2_000]);
      long[] localNanos = new long[answers];
      long[] clusterNanos = new long[answers];
      int block = 500;
      Instant started = Instant.now();
      for (int done = 0; done < answers; done += block) {
        int n = Math.min(block, answers - done);
        long[] a = new long[n];
        long[] b = new long[n];
        run(alone, n, a);
        run(two, n, b);
        System.arraycopy(a, 0, localNanos, done, n);
        System.arraycopy(b, 0, clusterNanos, done, n);
      }
      Duration took = Duration.between(started, Instant.now());
      String report = report(answers, localNanos, clusterNanos, took);
      Files.writeString(out, report);
      System.out.print(report);
    } finally {
      local.stop();
    }
  }

  /** {@code n} answers of new visitors, each answer's four checks timed together. */
  private static void run(RateLimiter[] nodes, int n, long[] nanos) {
    String capsule = UUID.randomUUID().toString();
    String visitor = null;
    String address = null;
    for (int i = 0; i < n; i++) {
      if (i % QUESTIONS_PER_VISITOR == 0) {
        visitor = UUID.randomUUID().toString();
        address = "198.18." + (i / 250 % 256) + "." + (i % 250);
      }
      RateLimiter node = nodes[i % nodes.length];
      long start = System.nanoTime();
      node.acquire("ip-request|" + capsule + "|" + address, 1_000_000, MINUTE);
      node.acquire("visitor|" + capsule + "|" + visitor, 1_000_000, MINUTE);
      node.acquire("ip-message|" + capsule + "|" + address, 1_000_000, MINUTE);
      node.acquire("capsule|" + capsule, 1_000_000, MINUTE);
      nanos[i] = System.nanoTime() - start;
    }
  }

  private static String report(int answers, long[] local, long[] cluster, Duration took) {
    double[] l = percentiles(local);
    double[] c = percentiles(cluster);
    StringBuilder md = new StringBuilder();
    md.append("# Rate-limit counters: local against a two-node cluster\n\n");
    md.append("`encaptio.sh bench counters ").append(answers).append("`, ");
    md.append(Instant.now().toString(), 0, 10).append(". ");
    md.append(answers).append(" answers on each side (4 limit checks each, 10 questions per new");
    int visitors = answers / QUESTIONS_PER_VISITOR;
    int capsules = (answers + 499) / 500;
    md.append(" visitor: ").append(visitors).append(" visitors, each with an address of its own;");
    md.append(" a new capsule per block: ").append(visitors * 3 + capsules);
    md.append(" counters defined per side), in");
    md.append(" alternating blocks of 500 in one JVM (the two cluster nodes share it and its 2");
    md.append(" cores; JGroups TCP over 127.0.0.1); ").append(took.toSeconds());
    md.append(" s measured after a warm-up of 2,000 answers per side.\n\n");
    md.append("| counters | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|\n");
    md.append(row("local (one node)", l));
    md.append(row("cluster of two", c));
    md.append(
        String.format(
            Locale.ROOT,
            "\nAdded per answer by the cluster at p95: %.3f ms (goal: at most 2 ms); ratio"
                + " cluster/local at p95: %.1f×.\n",
            c[1] - l[1],
            c[1] / l[1]));
    return md.toString();
  }

  private static String row(String name, double[] p) {
    return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |\n", name, p[0], p[1], p[2]);
  }

  private static double[] percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    List<Double> result = new ArrayList<>();
    for (double q : new double[] {0.50, 0.95, 0.99}) {
      result.add(sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6);
    }
    return result.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
