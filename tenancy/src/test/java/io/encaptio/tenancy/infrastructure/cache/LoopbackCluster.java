package io.encaptio.tenancy.infrastructure.cache;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Infinispan nodes of one cluster in the test's JVM, each with a JGroups channel of its own on
 * 127.0.0.1 (TCP, static discovery): the same transport a node of the product runs, so what one
 * node writes reaches the other over a socket. Close it to stop every node.
 */
public final class LoopbackCluster implements AutoCloseable {

  private final List<InfinispanCaches> nodes = new ArrayList<>();

  /** {@code size} nodes that have formed one view. */
  public static LoopbackCluster of(int size) {
    List<Integer> ports = freePorts(size);
    List<String> members = ports.stream().map(p -> "127.0.0.1[" + p + "]").toList();
    String name = "test-" + Long.toHexString(System.nanoTime());
    LoopbackCluster cluster = new LoopbackCluster();
    try {
      for (int port : ports) {
        cluster.nodes.add(
            InfinispanCaches.start(
                ClusterSettings.of(
                    "static", name, "127.0.0.1", port, String.join(",", members), "")));
      }
      cluster.awaitView(size);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  public InfinispanCaches node(int index) {
    return nodes.get(index);
  }

  /** Stops one node (as a node that leaves), keeping the others. */
  public void stop(int index) {
    nodes.get(index).stop();
  }

  /** Waits until node 0 sees {@code size} members. */
  public void awaitView(int size) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (nodes.get(0).members().size() != size) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the cluster did not reach " + size + " members: " + nodes.get(0).members());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).stop();
    }
  }

  /**
   * Ports free on 127.0.0.1 whose failure-detector port (50,000 above, JGroups FD_SOCK2) is free
   * too.
   */
  private static List<Integer> freePorts(int count) {
    List<Integer> ports = new ArrayList<>();
    while (ports.size() < count) {
      int port = ThreadLocalRandom.current().nextInt(10_000, 15_500);
      if (!ports.contains(port) && free(port) && free(port + 50_000)) {
        ports.add(port);
      }
    }
    return ports;
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
