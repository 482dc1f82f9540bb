package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.infrastructure.tracing.QuerySpans;
import io.encaptio.tenancy.application.ServerDataSources;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One entity manager factory per tenant schema, made on the tenant's first transaction on this
 * node, for at most {@code encaptio.tenant.factories} tenants at a time (default 100).
 *
 * <p>Why: with one factory for all tenants, EclipseLink's TABLE_PER_TENANT multitenancy copies and
 * initialises every mapped entity's descriptor and starts an empty JPQL parse cache for each entity
 * manager, that is for every transaction: measured as a quarter of the server's CPU when visitors
 * chat (README, public chat benchmark). A factory that knows its schema from the start initialises
 * the mappings once and keeps its parsed queries.
 *
 * <p>Each factory is the persistence unit {@code tenant} of persistence.xml with the container's
 * own integration properties (transaction manager, bean validation, CDI), the tenant's schema and a
 * session name of its own; it uses the Liberty data source of the tenant's database server ({@code
 * jdbc/encaptio} for the main one), so connections, pooling and JTA enlistment are the container's.
 * A factory holds the tenant's mappings and parsed queries, so a node serving more tenants keeps
 * the most recently used ({@link FactoryPool}); a retired factory is closed as soon as no
 * transaction holds it.
 */
@ApplicationScoped
public class TenantEntityManagerFactories {

  private static final Logger LOG = Logger.getLogger(TenantEntityManagerFactories.class.getName());

  @PersistenceUnit(unitName = "tenant")
  EntityManagerFactory shared;

  @Inject ServerDataSources dataSources;

  @Inject
  @ConfigProperty(name = "encaptio.tenant.factories", defaultValue = "100")
  int most;

  @Inject Tracer tracer;

  /** Session names must be unique in the provider, also across a restart of this application. */
  private final String instance = UUID.randomUUID().toString().substring(0, 8);

  private final AtomicLong made = new AtomicLong();
  private final Map<String, TenantPersistenceUnit> units = new ConcurrentHashMap<>();
  private FactoryPool pool;

  @PostConstruct
  void init() {
    pool = new FactoryPool(most, this::create);
  }

  /**
   * A lease on the factory of the tenant whose schema this is, on its database server, to be
   * released when the transaction that takes it ends. A tenant moved to another server gets a new
   * factory; the old one is retired like any other.
   */
  FactoryPool.Lease lease(String server, String schema) {
    return pool.lease(server + KEY_SEPARATOR + schema);
  }

  /**
   * Between server and schema in the pool's keys; neither a server's nor a schema's name has it.
   */
  private static final String KEY_SEPARATOR = "/";

  /** The persistence unit on the server's data source, read once per server. */
  private TenantPersistenceUnit unit(String server) {
    return units.computeIfAbsent(
        server,
        s ->
            TenantPersistenceUnit.read(
                "tenant",
                TenantEntityManagerFactories.class.getClassLoader(),
                dataSources.transactional(s)));
  }

  private EntityManagerFactory create(String pooled) {
    String server = pooled.substring(0, pooled.indexOf(KEY_SEPARATOR));
    String schema = pooled.substring(pooled.indexOf(KEY_SEPARATOR) + 1);
    TenantPersistenceUnit unit = unit(server);
    long start = System.nanoTime();
    Map<String, Object> properties = new HashMap<>(shared.getProperties());
    properties.keySet().removeIf(key -> key.startsWith("jakarta.persistence.jtaDataSource"));
    properties.put(TenantEntityManager.SCHEMA_PROPERTY, schema);
    properties.put(
        "eclipselink.session-name",
        "encaptio-tenant-" + schema + "-" + instance + "-" + made.incrementAndGet());
    properties.put("eclipselink.multitenant.tenants-share-emf", "false");
    properties.put("eclipselink.weaving", "false");
    EntityManagerFactory factory = provider().createContainerEntityManagerFactory(unit, properties);
    factory.getMetamodel(); // deploys now, so the first transaction doesn't pay for it
    // every query of the tenant's entity managers is a span of the trace it runs in
    try {
      QuerySpans.install(factory, tracer, schema);
    } catch (NoClassDefFoundError noEclipseLinkApi) {
      LOG.fine(() -> "No query spans here: " + noEclipseLinkApi);
    }
    LOG.fine(
        () ->
            "Entity manager factory of "
                + schema
                + " ready in "
                + (System.nanoTime() - start) / 1_000_000
                + " ms");
    return factory;
  }

  private static PersistenceProvider provider() {
    List<PersistenceProvider> providers =
        PersistenceProviderResolverHolder.getPersistenceProviderResolver()
            .getPersistenceProviders();
    if (providers.isEmpty()) {
      throw new IllegalStateException("No JPA provider: is the persistence feature enabled?");
    }
    return providers.get(0);
  }

  @PreDestroy
  void closeAll() {
    pool.closeAll();
  }
}
