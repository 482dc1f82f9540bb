package io.encaptio.domain.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The durable job queue in the platform schema. */
public interface JobQueue {

  /** Kinds of job, each with one handler. */
  String INGEST_CONTENT = "ingest-content";

  /** Fetches a URL source again and re-indexes it only when what it serves changed. */
  String SYNC_CONTENT = "sync-content";

  /** Removes a capsule deleted long enough ago, with all its content. */
  String PURGE_CAPSULE = "purge-capsule";

  /** Runs a capsule's golden questions (subject: the golden run). */
  String RUN_GOLDEN_QUESTIONS = "golden-run";

  /**
   * Rolls the tenant's analytics events up into their quarters of an hour (subject: the tenant);
   * periodic, see {@link #ensurePeriodic} and {@link #runPeriodicNow}.
   */
  String ROLL_UP_ANALYTICS = "analytics-rollup";

  /** Tells the people and hooks that want it about a notification (subject: the notification). */
  String NOTIFY = "notify";

  /**
   * Sends one notification e-mail (with the others of its kind held for the person: a digest) or
   * posts one to a hook (subject: the delivery).
   */
  String DELIVER_NOTIFICATION = "notify-deliver";

  /**
   * Queues a job for the current tenant in the caller's transaction: it exists exactly when the
   * change that needs it was committed.
   */
  UUID enqueue(String kind, UUID subjectId);

  /**
   * Queues a periodic job of {@code kind} (subject: the tenant), due in {@code dueIn}, for every
   * active tenant that has none waiting, in a transaction of its own; nodes doing so at once queue
   * one each way (a unique index on waiting periodic jobs, platform migration V10). Its runs that
   * succeeded more than an hour ago are removed; queueing many at once analyzes the queue.
   *
   * @return how many were queued
   */
  int ensurePeriodic(String kind, Duration dueIn);

  /**
   * Has these tenants' periodic job of {@code kind} run now: each one's waiting job is made due, or
   * one is queued where none waits (one is running, say). In the caller's transaction.
   *
   * @return how many jobs were made due or queued
   */
  int runPeriodicNow(String kind, java.util.Collection<UUID> tenantIds);

  /**
   * Brings the waiting periodic jobs of {@code kind} queued before {@code from} and never tried (a
   * retry keeps its back-off) forward to their tenant's time, when they wait beyond it: the later
   * of {@code from} and now, plus a share of {@code spread} fixed per tenant (from its id), so
   * every tenant's job runs within {@code spread} without all coming due at once. Repeating it
   * moves no job again; a job queued after {@code from} keeps its own time. In the caller's
   * transaction.
   *
   * @return how many jobs were brought forward
   */
  int bringPeriodicForward(String kind, Instant from, Duration spread);

  /** Like {@link #enqueue}, for a job that is not due before {@code runAfter}. */
  UUID enqueueAt(String kind, UUID subjectId, Instant runAfter);

  /**
   * Claims the next due job (or one whose worker's lease ran out) for {@code lease}, in a
   * transaction of its own; empty when nothing is due.
   */
  Optional<Job> claim(String worker, Duration lease);

  /** Extends the lease of a job still running on this worker. */
  void renewLease(UUID jobId, String worker, Duration lease);

  /** Marks a running job done (a job cancelled meanwhile stays cancelled). */
  void succeeded(UUID jobId);

  /**
   * Cancels the current tenant's queued or running jobs of this kind for the subject, in the
   * caller's transaction; a running one stops where its handler next checks {@link #cancelled}.
   *
   * @return how many were cancelled
   */
  int cancel(String kind, UUID subjectId);

  /** Whether someone cancelled the job (handlers of long jobs check between steps). */
  boolean cancelled(UUID jobId);

  /** Whether a job of the same kind for the same subject was queued after this one. */
  boolean superseded(UUID jobId);

  /**
   * Locks the job's row in the caller's transaction and says whether it is still wanted (not
   * cancelled): a cancel then waits for the caller's transaction, or the caller sees it.
   */
  boolean stillWanted(UUID jobId);

  /** Runs the job again after {@code delay}, or gives it up (dead) after its last attempt. */
  void failed(Job job, String error, Duration delay);

  /**
   * Runs the job later without counting this attempt: its tenant cannot take changes now (it is
   * being moved between database servers).
   */
  void postpone(Job job, Duration delay);

  /** Gives the job up at once: trying again cannot help. */
  void dead(Job job, String error);

  /**
   * Jobs due and waiting for a worker (queued, or running under a lease that ran out), across all
   * tenants, and how long the oldest of them has been due; read for /metrics.
   */
  Backlog backlog();

  /** See {@link #backlog}. */
  record Backlog(long due, double oldestDueSeconds) {}
}
