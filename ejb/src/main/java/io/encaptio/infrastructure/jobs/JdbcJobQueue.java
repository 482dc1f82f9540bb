package io.encaptio.infrastructure.jobs;

import io.encaptio.domain.job.Job;
import io.encaptio.domain.job.JobQueue;
import io.encaptio.infrastructure.tracing.DatabaseSpans;
import io.encaptio.infrastructure.tracing.TraceContexts;
import io.encaptio.tenancy.context.TenantContext;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Jobs in {@code platform.jobs} through the application's JTA data source, so {@link #enqueue}
 * commits or rolls back with the caller's change. A claim takes the oldest due row with {@code FOR
 * UPDATE SKIP LOCKED}: workers on several nodes never take the same job, and none waits for
 * another. A job keeps the trace it was queued in (platform migration V12), which its worker
 * continues.
 */
@ApplicationScoped
public class JdbcJobQueue implements JobQueue {

  private static final String CLAIM =
      """
      UPDATE platform.jobs SET state = 'running', attempts = attempts + 1, locked_by = ?,
             locked_until = now() + make_interval(secs => ?), updated_at = now()
       WHERE id = (SELECT id FROM platform.jobs
                    WHERE (state = 'queued' AND run_after <= now())
                       OR (state = 'running' AND locked_until < now())
                    ORDER BY run_after, created_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
      RETURNING id, tenant_id, kind, subject_id, attempts, max_attempts, trace_context
      """;

  /** The kinds platform migration V10's index of waiting periodic jobs names. */
  private static final Set<String> PERIODIC = Set.of(ROLL_UP_ANALYTICS);

  @Resource(lookup = "jdbc/encaptio")
  DataSource dataSource;

  @Inject Tracer tracer;

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public UUID enqueue(String kind, UUID subjectId) {
    UUID id = UUID.randomUUID();
    update(
        "INSERT INTO platform.jobs (id, tenant_id, kind, subject_id, trace_context)"
            + " VALUES (?, ?, ?, ?, ?)",
        id,
        TenantContext.current().id(),
        kind,
        subjectId,
        TraceContexts.current());
    return id;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int ensurePeriodic(String kind, Duration dueIn) {
    requirePeriodic(kind);
    // a periodic job's past runs are not kept beyond an hour: one per tenant and run otherwise
    update(
        "DELETE FROM platform.jobs WHERE kind = ? AND state = 'succeeded'"
            + " AND updated_at < now() - interval '1 hour'",
        kind);
    // One row per tenant; where one waits already, the unique index of waiting periodic jobs turns
    // the insert into nothing. (A NOT EXISTS over the queue here was planned, with the statistics
    // of a small queue, as a walk of every waiting job for each tenant: 17 s at 5,000 tenants.)
    int queued =
        update(
            "INSERT INTO platform.jobs (id, tenant_id, kind, subject_id, run_after)"
                + " SELECT gen_random_uuid(), t.id, ?, t.id, now() + make_interval(secs => ?)"
                + " FROM platform.tenants t"
                + " WHERE t.status = 'active' AND t.migration_state = 'current'"
                + ON_CONFLICT_PERIODIC,
            kind,
            (double) dueIn.toMillis() / 1000);
    if (queued >= BULK_INSERT) {
      // a bulk change: the queue's statistics follow it (autovacuum may be off, or late)
      update("ANALYZE platform.jobs");
    }
    return queued;
  }

  /** Rows queued at once from which the queue's statistics are taken again. */
  static final int BULK_INSERT = 500;

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public int runPeriodicNow(String kind, java.util.Collection<UUID> tenantIds) {
    requirePeriodic(kind);
    if (tenantIds.isEmpty()) {
      return 0;
    }
    UUID[] tenants = tenantIds.toArray(UUID[]::new);
    // the kind written out (checked above), so PostgreSQL can use the index of waiting ones
    int due =
        update(
            "UPDATE platform.jobs SET run_after = now() WHERE kind = '"
                + kind
                + "' AND state = 'queued' AND run_after > now() AND tenant_id = ANY (?)",
            (Object) tenants);
    int queued =
        update(
            "INSERT INTO platform.jobs (id, tenant_id, kind, subject_id)"
                + " SELECT gen_random_uuid(), t.id, ?, t.id FROM platform.tenants t"
                + " WHERE t.id = ANY (?) AND t.status = 'active'"
                + ON_CONFLICT_PERIODIC,
            kind,
            tenants);
    return due + queued;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public int bringPeriodicForward(String kind, Instant from, Duration spread) {
    requirePeriodic(kind);
    Timestamp start = Timestamp.from(from);
    long seconds = Math.max(1, spread.toSeconds());
    // A tenant's time only moves later as now() does, so a job once brought forward stays; a job
    // queued after `from` (by a roll-up that ran after the summaries' time) is never touched.
    String time =
        "GREATEST(CAST(? AS timestamptz), now())"
            + " + make_interval(secs => mod(abs(hashtext(tenant_id::text)::bigint), CAST(? AS bigint)))";
    // the kind written out (checked above), so PostgreSQL can use the index of waiting ones
    return update(
        "UPDATE platform.jobs SET run_after = "
            + time
            + ", updated_at = now() WHERE kind = '"
            + kind
            + "' AND state = 'queued' AND attempts = 0 AND created_at < CAST(? AS timestamptz)"
            + " AND run_after > "
            + time,
        start,
        seconds,
        start,
        start,
        seconds);
  }

  /** An insert of a periodic job where one waits already does nothing (platform migration V10). */
  private static final String ON_CONFLICT_PERIODIC =
      " ON CONFLICT (tenant_id, kind) WHERE state = 'queued' AND kind IN ('"
          + ROLL_UP_ANALYTICS
          + "') DO NOTHING";

  private static void requirePeriodic(String kind) {
    if (!PERIODIC.contains(kind)) {
      // the inserts rely on the unique index of waiting periodic jobs, which names its kinds
      throw new IllegalArgumentException(kind + " is not a periodic job (platform migration V10)");
    }
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public UUID enqueueAt(String kind, UUID subjectId, Instant runAfter) {
    UUID id = UUID.randomUUID();
    update(
        "INSERT INTO platform.jobs (id, tenant_id, kind, subject_id, run_after, trace_context)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        id,
        TenantContext.current().id(),
        kind,
        subjectId,
        Timestamp.from(runAfter),
        TraceContexts.current());
    return id;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Job> claim(String worker, Duration lease) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement claim = connection.prepareStatement(CLAIM)) {
      claim.setString(1, worker);
      claim.setDouble(2, lease.toSeconds());
      try (ResultSet row = claim.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Job(
                row.getObject("id", UUID.class),
                row.getObject("tenant_id", UUID.class),
                row.getString("kind"),
                row.getObject("subject_id", UUID.class),
                row.getInt("attempts"),
                row.getInt("max_attempts"),
                row.getString("trace_context")));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not claim a job: " + e.getMessage(), e);
    }
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void renewLease(UUID jobId, String worker, Duration lease) {
    update(
        "UPDATE platform.jobs SET locked_until = now() + make_interval(secs => ?), updated_at ="
            + " now() WHERE id = ? AND state = 'running' AND locked_by = ?",
        (double) lease.toSeconds(),
        jobId,
        worker);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void succeeded(UUID jobId) {
    update(
        "UPDATE platform.jobs SET state = 'succeeded', ran_by = locked_by,"
            + " locked_by = NULL, locked_until = NULL,"
            + " last_error = NULL, updated_at = now() WHERE id = ? AND state = 'running'",
        jobId);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(Job job, String error, Duration delay) {
    if (job.lastAttempt()) {
      dead(job, error);
      return;
    }
    int requeued =
        update(
            "UPDATE platform.jobs SET state = 'queued', ran_by = locked_by,"
                + " locked_by = NULL, locked_until = NULL, last_error = ?,"
                + " run_after = now() + make_interval(secs => ?), updated_at = now()"
                + " WHERE id = ? AND state = 'running'"
                + NO_LATER_RUN_WAITS,
            truncate(error),
            (double) delay.toMillis() / 1000,
            job.id());
    if (requeued == 0) {
      supersededWhileRunning(job, error);
    }
  }

  /**
   * A periodic job may wait only once per tenant (the unique index of platform migration V10): a
   * run of one that failed or was put off while a later run of it was queued is not queued again.
   */
  private static final String NO_LATER_RUN_WAITS =
      " AND NOT EXISTS (SELECT 1 FROM platform.jobs later WHERE later.tenant_id = jobs.tenant_id"
          + " AND later.kind = jobs.kind AND later.state = 'queued' AND later.kind IN ('"
          + ROLL_UP_ANALYTICS
          + "'))";

  /** Ends a run that a later waiting run of the same periodic job replaces. */
  private void supersededWhileRunning(Job job, String error) {
    update(
        "UPDATE platform.jobs SET state = 'cancelled', ran_by = locked_by,"
            + " locked_by = NULL, locked_until = NULL, last_error = ?, updated_at = now()"
            + " WHERE id = ? AND state = 'running'",
        truncate(
            (error == null ? "" : error + "; ")
                + "a later run of this periodic job waits and does its work"),
        job.id());
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void postpone(Job job, Duration delay) {
    int requeued =
        update(
            "UPDATE platform.jobs SET state = 'queued', attempts = attempts - 1,"
                + " locked_by = NULL, locked_until = NULL,"
                + " run_after = now() + make_interval(secs => ?), updated_at = now()"
                + " WHERE id = ? AND state = 'running'"
                + NO_LATER_RUN_WAITS,
            (double) delay.toMillis() / 1000,
            job.id());
    if (requeued == 0) {
      supersededWhileRunning(job, null);
    }
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void dead(Job job, String error) {
    update(
        "UPDATE platform.jobs SET state = 'dead', ran_by = locked_by,"
            + " locked_by = NULL, locked_until = NULL,"
            + " last_error = ?, updated_at = now() WHERE id = ? AND state = 'running'",
        truncate(error),
        job.id());
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public int cancel(String kind, UUID subjectId) {
    return update(
        "UPDATE platform.jobs SET state = 'cancelled', locked_by = NULL, locked_until = NULL,"
            + " updated_at = now() WHERE tenant_id = ? AND kind = ? AND subject_id = ?"
            + " AND state IN ('queued', 'running')",
        TenantContext.current().id(),
        kind,
        subjectId);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean cancelled(UUID jobId) {
    return "cancelled".equals(state(jobId, "SELECT state FROM platform.jobs WHERE id = ?"));
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public boolean superseded(UUID jobId) {
    return state(
            jobId,
            "SELECT later.id FROM platform.jobs later JOIN platform.jobs this ON this.id = ?"
                + " WHERE later.tenant_id = this.tenant_id AND later.kind = this.kind"
                + " AND later.subject_id = this.subject_id AND later.id <> this.id"
                + " AND later.created_at > this.created_at LIMIT 1")
        != null;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public boolean stillWanted(UUID jobId) {
    return !"cancelled"
        .equals(state(jobId, "SELECT state FROM platform.jobs WHERE id = ? FOR UPDATE"));
  }

  private String state(UUID jobId, String sql) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setObject(1, jobId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Job queue: " + e.getMessage(), e);
    }
  }

  private int update(String sql, Object... parameters) {
    String operation = sql.substring(0, sql.indexOf(' ')) + " jobs";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] instanceof UUID[] ids) {
          statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
        } else {
          statement.setObject(i + 1, parameters[i]);
        }
      }
      return DatabaseSpans.around(tracer, operation, "platform", sql, statement::executeUpdate);
    } catch (SQLException e) {
      throw new IllegalStateException("Job queue: " + e.getMessage(), e);
    }
  }

  private static String truncate(String error) {
    return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
  }

  @Override
  public Backlog backlog() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*), coalesce(extract(epoch FROM now() - min(run_after)), 0)"
                    + " FROM platform.jobs WHERE run_after <= now() AND (state = 'queued'"
                    + " OR (state = 'running' AND locked_until < now()))");
        ResultSet row = query.executeQuery()) {
      row.next();
      return new Backlog(row.getLong(1), row.getDouble(2));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the job queue's backlog", e);
    }
  }
}
