package io.encaptio.application;

import io.encaptio.domain.ai.Outcome;
import io.encaptio.domain.job.JobQueue;
import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What the product does, on {@code /metrics} (Prometheus format, names prefixed {@code encaptio_};
 * the dashboard and the alert rules in {@code k8s/monitoring} read them): answers by outcome, the
 * time to find an answer's sources and to answer, rate-limit refusals by limit, requests per
 * tenant, the job queue's backlog and the age of its oldest due job, and the cluster's members as
 * this node sees them. Counters are this node's; Prometheus adds the nodes up.
 */
@ApplicationScoped
public class ProductMetrics {

  /** How often the queue's backlog is read at most (a scrape reads it once, both gauges). */
  private static final Duration BACKLOG_FRESH = Duration.ofSeconds(5);

  private static final String ANSWER = "encaptio_answer_seconds";
  private static final String SOURCES = "encaptio_answer_sources_seconds";

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject JobQueue jobs;
  @Inject InfinispanCaches caches;

  private final AtomicReference<Read> backlog = new AtomicReference<>();

  private record Read(long at, JobQueue.Backlog backlog) {}

  /** Registers the gauges when the application starts, so a scrape sees them from the start. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (registry.getGauge(new MetricID("encaptio_jobs_due")) != null) {
      return; // each module of the application starts: once is enough
    }
    // the answer times are served from the start (empty), so dashboards find them on a new node
    registry.timer(ANSWER);
    registry.timer(SOURCES);
    registry.gauge(
        Metadata.builder()
            .withName("encaptio_jobs_due")
            .withDescription("Jobs due and waiting for a worker, all tenants")
            .build(),
        this,
        m -> m.backlog().due());
    registry.gauge(
        Metadata.builder()
            .withName("encaptio_jobs_oldest_due_seconds")
            .withDescription("How long the oldest waiting job has been due")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        this,
        m -> m.backlog().oldestDueSeconds());
    registry.gauge(
        Metadata.builder()
            .withName("encaptio_cluster_members")
            .withDescription("Members of the Infinispan cluster as this node sees them")
            .build(),
        caches,
        c -> c.members().size());
  }

  /** An answer given to a question, with the time its sources took and the whole answer took. */
  public void answered(Outcome outcome, boolean cached, Duration sources, Duration total) {
    Tag outcomeTag = new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT));
    registry
        .counter("encaptio_answers_total", outcomeTag, new Tag("cached", Boolean.toString(cached)))
        .inc();
    registry.timer(SOURCES).update(sources);
    registry.timer(ANSWER).update(total);
  }

  /** A question the assistant failed to answer (an error, not an outcome): outcome "error". */
  public void failed() {
    registry
        .counter("encaptio_answers_total", new Tag("outcome", "error"), new Tag("cached", "false"))
        .inc();
  }

  /** A visitor's call refused by one of the plan's limits ({@link VisitorLimits}). */
  public void refused(String limit) {
    registry.counter("encaptio_rate_limit_refusals_total", new Tag("limit", limit)).inc();
  }

  /**
   * A request run as a tenant: {@code channel} api, portal or public (visitors). One series per
   * tenant and channel.
   */
  public void tenantRequest(String tenant, String channel) {
    registry
        .counter(
            "encaptio_tenant_requests_total",
            new Tag("tenant", tenant),
            new Tag("channel", channel))
        .inc();
  }

  private JobQueue.Backlog backlog() {
    long now = System.nanoTime();
    Read last = backlog.get();
    if (last == null || now - last.at() > BACKLOG_FRESH.toNanos()) {
      last = new Read(now, jobs.backlog());
      backlog.set(last);
    }
    return last.backlog();
  }
}
