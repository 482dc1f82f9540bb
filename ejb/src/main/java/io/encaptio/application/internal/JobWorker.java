package io.encaptio.application.internal;

import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.job.Job;
import io.encaptio.domain.job.JobQueue;
import io.encaptio.infrastructure.tracing.TraceContexts;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.application.TenantRegistry;
import io.encaptio.tenancy.context.TenantContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs queued jobs on this node: polls the queue, claims one job at a time per worker under a
 * lease, restores the job's tenant around the handler (and clears it after), and records the
 * outcome: done, retried with exponential backoff, or dead after the last attempt or a failure that
 * retrying cannot cure. Several nodes run workers side by side; the queue's claim keeps them apart.
 * A job runs in a span of the trace that queued it, so a request's trace continues into its jobs.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobWorker {

  private static final Logger LOG = Logger.getLogger(JobWorker.class.getName());

  @Inject JobQueue queue;
  @Inject TenantRegistry registry;
  @Inject Instance<JobHandler> handlers;
  @Inject Tracer tracer;
  @Inject PlatformReadiness platform;

  /** How long a job of a read-only tenant (being moved) waits before it is tried again. */
  static final Duration READ_ONLY_WAIT = Duration.ofSeconds(15);

  static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("encaptio.job.id");
  static final AttributeKey<Long> JOB_ATTEMPT = AttributeKey.longKey("encaptio.job.attempt");

  @Resource(lookup = "concurrent/encaptioScheduler")
  ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "encaptio.jobs.workers", defaultValue = "1")
  int workers;

  @Inject
  @ConfigProperty(name = "encaptio.jobs.poll.millis", defaultValue = "500")
  long pollMillis;

  /**
   * How long a claimed job stays with its worker without news; renewed every third of it while the
   * job runs, so only a worker that died (its node killed) lets a job go to another.
   */
  @Inject
  @ConfigProperty(name = "encaptio.jobs.lease.seconds", defaultValue = "120")
  long leaseSeconds;

  private final String node =
      ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
  private final List<ScheduledFuture<?>> polls = new ArrayList<>();

  @PostConstruct
  void start() {
    for (int i = 0; i < workers; i++) {
      String worker = node + "#" + i;
      polls.add(
          scheduler.scheduleWithFixedDelay(
              () -> drain(worker), pollMillis, pollMillis, TimeUnit.MILLISECONDS));
    }
    LOG.info(() -> workers + " job workers polling every " + pollMillis + " ms");
  }

  @PreDestroy
  void stop() {
    polls.forEach(poll -> poll.cancel(false));
  }

  /** Runs due jobs until none is left; never throws, so the schedule keeps going. */
  void drain(String worker) {
    if (!platform.platformMigrated()) {
      return; // the queue's table may not have this build's columns yet
    }
    try {
      Duration lease = Duration.ofSeconds(leaseSeconds);
      for (Optional<Job> job = queue.claim(worker, lease);
          job.isPresent();
          job = queue.claim(worker, lease)) {
        Job claimed = job.get();
        ScheduledFuture<?> renewal =
            scheduler.scheduleAtFixedRate(
                () -> renew(claimed, worker, lease),
                leaseSeconds / 3,
                Math.max(1, leaseSeconds / 3),
                TimeUnit.SECONDS);
        try {
          run(claimed);
        } finally {
          renewal.cancel(false);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The job queue could not be read; trying again shortly", e);
    } catch (Error e) {
      // An Error escaping here would cancel this worker's schedule for good.
      LOG.log(Level.SEVERE, "A job worker hit " + e + "; it goes on with the next job", e);
    }
  }

  private void renew(Job job, String worker, Duration lease) {
    try {
      queue.renewLease(job.id(), worker, lease);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "Could not renew the lease of job " + job.id());
    }
  }

  void run(Job job) {
    Optional<TenantRef> tenant = registry.findById(job.tenantId());
    if (tenant.isEmpty()) {
      queue.dead(job, "The tenant no longer exists");
      return;
    }
    if (tenant.get().readOnly()) {
      queue.postpone(job, READ_ONLY_WAIT); // its changes would be refused; later, uncounted
      return;
    }
    JobHandler handler;
    try {
      handler = handler(job.kind());
    } catch (IllegalArgumentException unknown) {
      queue.dead(job, unknown.getMessage());
      return;
    }
    Span span = span(job, tenant.get());
    try (Scope ignored = span.makeCurrent()) {
      ActorContext.runAs(
          Actor.system("job " + job.kind()),
          () -> TenantContext.runAs(tenant.get(), () -> handler.handle(job)));
      queue.succeeded(job.id());
    } catch (ContentRejectedException | IllegalArgumentException permanent) {
      span.setStatus(StatusCode.ERROR, "gave up: " + permanent.getMessage());
      LOG.info(
          () -> "Job " + job.id() + " (" + job.kind() + ") gave up: " + permanent.getMessage());
      queue.dead(job, permanent.getMessage());
    } catch (RuntimeException | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, "attempt " + job.attempt() + " failed");
      Duration backoff = handler.backoff(job);
      LOG.log(
          Level.WARNING,
          e,
          () -> "Job " + job.id() + " (" + job.kind() + ") attempt " + job.attempt() + " failed");
      queue.failed(job, e.toString(), backoff);
    } finally {
      span.end();
    }
  }

  /**
   * The job's span: a consumer span in the trace that queued the job (the request that added a
   * text, say), or the first of a new trace when it was queued outside one (periodic jobs).
   */
  private Span span(Job job, TenantRef tenant) {
    return tracer
        .spanBuilder("job " + job.kind())
        .setSpanKind(SpanKind.CONSUMER)
        .setParent(TraceContexts.continuing(job.traceContext()))
        .setAttribute(JOB_ID, job.id().toString())
        .setAttribute(JOB_ATTEMPT, (long) job.attempt())
        .setAttribute(AuthorizationInterceptor.TENANT, tenant.slug())
        .startSpan();
  }

  private JobHandler handler(String kind) {
    return handlers.stream()
        .filter(h -> h.kind().equals(kind))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No handler for jobs of kind " + kind));
  }
}
