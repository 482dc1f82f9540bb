package io.encaptio.tenancy.infrastructure.cache;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/**
 * How a node finds the other nodes of its Infinispan cluster. Read from MicroProfile Config ({@code
 * encaptio.cluster.*}, or the environment as {@code ENCAPTIO_CLUSTER_*}):
 *
 * <ul>
 *   <li>{@code discovery}: {@code none} (the default: a node of its own, nothing shared), {@code
 *       static} (JGroups TCPPING: the {@code members} are listed, as on one machine) or {@code dns}
 *       (JGroups DNS_PING: the members are the addresses a DNS query answers, as a headless
 *       Kubernetes Service does);
 *   <li>{@code name}: nodes join only a cluster of the same name;
 *   <li>{@code bind-address} and {@code port}: where this node listens for the others (blank: an
 *       address JGroups picks, a site-local one); the failure detector listens on {@code port +
 *       50000} too;
 *   <li>{@code members}: {@code host[port]} items, comma-separated ({@code static});
 *   <li>{@code dns-query}: the name to look up ({@code dns}).
 * </ul>
 */
public record ClusterSettings(
    Discovery discovery,
    String name,
    String bindAddress,
    int port,
    List<String> members,
    String dnsQuery) {

  /** How the members are found. */
  public enum Discovery {
    NONE,
    STATIC,
    DNS;

    static Discovery parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "encaptio.cluster.discovery is '" + text + "'; it takes none, static or dns", e);
      }
    }
  }

  public ClusterSettings {
    members = List.copyOf(members);
    if (discovery == Discovery.STATIC && members.isEmpty()) {
      throw new IllegalArgumentException(
          "encaptio.cluster.discovery is static but encaptio.cluster.members lists no member;"
              + " list them as host[port],host[port]");
    }
    if (discovery == Discovery.DNS && (dnsQuery == null || dnsQuery.isBlank())) {
      throw new IllegalArgumentException(
          "encaptio.cluster.discovery is dns but encaptio.cluster.dns-query is empty; name the"
              + " headless Service, e.g. encaptio-cluster.encaptio.svc.cluster.local");
    }
  }

  /** A node of its own. */
  public static ClusterSettings none() {
    return new ClusterSettings(Discovery.NONE, "encaptio", "", 7800, List.of(), "");
  }

  /**
   * From MicroProfile Config ({@code encaptio.cluster.*}; the environment's ENCAPTIO_CLUSTER_*).
   */
  public static ClusterSettings from(Config config) {
    return of(
        value(config, "discovery", "none"),
        value(config, "name", "encaptio"),
        value(config, "bind-address", ""),
        port(value(config, "port", "7800")),
        value(config, "members", ""),
        value(config, "dns-query", ""));
  }

  private static int port(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "encaptio.cluster.port is '" + text + "'; it takes a port number such as 7800", e);
    }
  }

  private static String value(Config config, String name, String fallback) {
    return config.getOptionalValue("encaptio.cluster." + name, String.class).orElse(fallback);
  }

  /** From configuration values as written (members comma-separated). */
  public static ClusterSettings of(
      String discovery,
      String name,
      String bindAddress,
      int port,
      String members,
      String dnsQuery) {
    return new ClusterSettings(
        Discovery.parse(discovery),
        name,
        bindAddress == null ? "" : bindAddress.strip(),
        port,
        members == null || members.isBlank()
            ? List.of()
            : Arrays.stream(members.split(","))
                .map(String::strip)
                .filter(m -> !m.isEmpty())
                .toList(),
        dnsQuery == null ? "" : dnsQuery.strip());
  }

  public boolean clustered() {
    return discovery != Discovery.NONE;
  }
}
