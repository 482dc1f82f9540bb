package io.encaptio.tenancy.infrastructure.cache;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.counter.EmbeddedCounterManagerFactory;
import org.infinispan.counter.api.CounterManager;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.remoting.transport.Address;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.jgroups.JChannel;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.dns.DNS_PING;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;

/**
 * The node's one Infinispan cache manager, shared by every cache of the application (tenant
 * look-ups here; answers, memberships and visitor access rules in the ejb module) and every counter
 * (rate limits). With {@link ClusterSettings cluster discovery} configured the nodes form one
 * Infinispan cluster over JGroups (TCP; members listed, or found by DNS): caches are replicated or
 * distributed with synchronous writes, so a removal returns only once every node has applied it,
 * and strong counters count once for the whole cluster. Without it (the default) the node keeps
 * everything to itself.
 */
@ApplicationScoped
public class InfinispanCaches {

  private static final Logger LOG = Logger.getLogger(InfinispanCaches.class.getName());
  private static final Pattern MEMBER = Pattern.compile("(.+)\\[(\\d+)]");

  /** How a cache's entries are held across the cluster's nodes. */
  public enum Sharing {
    /** Every node holds every entry (small look-ups read on every request). */
    REPLICATED,
    /** Two nodes hold each entry, every node reads it (large caches). */
    DISTRIBUTED
  }

  @Inject Config config;

  private ClusterSettings settings;
  private EmbeddedCacheManager cacheManager;

  @PostConstruct
  void start() {
    open(ClusterSettings.from(config));
  }

  /** A node with {@code settings}, outside a container (tests, benchmarks); stop it when done. */
  public static InfinispanCaches start(ClusterSettings settings) {
    InfinispanCaches caches = new InfinispanCaches();
    caches.open(settings);
    return caches;
  }

  private void open(ClusterSettings settings) {
    this.settings = settings;
    GlobalConfigurationBuilder global =
        settings.clustered()
            ? GlobalConfigurationBuilder.defaultClusteredBuilder()
            : new GlobalConfigurationBuilder().nonClusteredDefault();
    global.cacheManagerName("encaptio");
    global.jmx().disable();
    if (settings.clustered()) {
      global.transport().clusterName(settings.name()).transport(new JGroupsTransport(channel()));
    }
    cacheManager = new DefaultCacheManager(global.build());
    if (settings.clustered()) {
      LOG.info(
          () ->
              "Infinispan node "
                  + cacheManager.getAddress()
                  + " joined cluster "
                  + settings.name()
                  + " ("
                  + settings.discovery().name().toLowerCase()
                  + " discovery); members "
                  + members());
    }
  }

  @PreDestroy
  public void stop() {
    if (cacheManager != null) {
      cacheManager.stop();
    }
  }

  /**
   * The named cache, defined the first time it is asked for with {@code configuration} and, on a
   * cluster, {@code sharing} with synchronous writes.
   */
  public synchronized <K, V> Cache<K, V> cache(
      String name, Sharing sharing, ConfigurationBuilder configuration) {
    if (!cacheManager.cacheExists(name) && cacheManager.getCacheConfiguration(name) == null) {
      if (settings.clustered()) {
        configuration
            .clustering()
            .cacheMode(sharing == Sharing.REPLICATED ? CacheMode.REPL_SYNC : CacheMode.DIST_SYNC);
        if (sharing == Sharing.DISTRIBUTED) {
          configuration.clustering().hash().numOwners(2);
        }
      }
      cacheManager.defineConfiguration(name, configuration.build());
    }
    return cacheManager.getCache(name);
  }

  /** The counters (Infinispan's clustered-counter API): one count for the whole cluster. */
  public CounterManager counters() {
    return EmbeddedCounterManagerFactory.asCounterManager(cacheManager);
  }

  public boolean clustered() {
    return settings.clustered();
  }

  /** The cluster's members as Infinispan names them (this node alone when not clustered). */
  public List<String> members() {
    List<Address> view = cacheManager.getMembers();
    if (view == null) {
      return List.of(self());
    }
    return view.stream().map(String::valueOf).toList();
  }

  /** This node's name in {@link #members()} ("local" when not clustered). */
  public String self() {
    Address address = cacheManager.getAddress();
    return address == null ? "local" : String.valueOf(address);
  }

  /**
   * The JGroups stack of Infinispan's own TCP configuration (default-jgroups-tcp.xml), built in
   * code so that its addresses come from {@link ClusterSettings}, with TCPPING or DNS_PING for
   * discovery instead of multicast, which neither one machine's loopback nor Kubernetes carries.
   */
  private JChannel channel() {
    try {
      TCP tcp = new TCP();
      if (!settings.bindAddress().isEmpty()) {
        tcp.setBindAddress(InetAddress.getByName(settings.bindAddress()));
      }
      tcp.setBindPort(settings.port());
      tcp.setPortRange(0);
      Protocol discovery =
          switch (settings.discovery()) {
            case STATIC -> new TCPPING().setInitialHosts(addresses()).setPortRange(0);
            case DNS -> new DNS_PING().setDNSQuery(settings.dnsQuery()).dnsRecordType("A");
            case NONE -> throw new IllegalStateException("not clustered");
          };
      return new JChannel(
          tcp,
          discovery,
          new MERGE3(),
          new FD_SOCK2(),
          new FD_ALL3(),
          new VERIFY_SUSPECT2(),
          new NAKACK2().useMcastXmit(false),
          new UNICAST3(),
          new STABLE(),
          new GMS().setJoinTimeout(2_000),
          new UFC(),
          new MFC(),
          new FRAG4());
    } catch (Exception e) {
      throw new IllegalStateException(
          "The cluster transport could not be set up (" + settings + "): " + e.getMessage(), e);
    }
  }

  private List<InetSocketAddress> addresses() throws UnknownHostException {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String member : settings.members()) {
      Matcher matcher = MEMBER.matcher(member);
      if (!matcher.matches()) {
        throw new IllegalArgumentException(
            "encaptio.cluster.members has '" + member + "'; write each member as host[port]");
      }
      addresses.add(
          new InetSocketAddress(
              InetAddress.getByName(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }
    return addresses;
  }
}
