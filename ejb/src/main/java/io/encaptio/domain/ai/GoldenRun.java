package io.encaptio.domain.ai;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One run of a capsule's golden questions: why it ran, its state and how many passed. */
@Entity
@Table(name = "golden_run")
public class GoldenRun {

  public static final String PUBLISH = "publish";
  public static final String REINDEX = "reindex";
  public static final String MANUAL = "manual";

  @Id private UUID id;

  @Column(name = "capsule_id", nullable = false, updatable = false)
  private UUID capsuleId;

  @Column(nullable = false, length = 16, updatable = false)
  private String trigger;

  @Column(nullable = false, length = 16)
  private String status;

  @Column(name = "queued_at", nullable = false, updatable = false)
  private OffsetDateTime queuedAt;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  private int passed;
  private int failed;
  private String error;

  protected GoldenRun() {}

  public static GoldenRun queued(UUID capsuleId, String trigger) {
    GoldenRun run = new GoldenRun();
    run.id = UUID.randomUUID();
    run.capsuleId = capsuleId;
    run.trigger = trigger;
    run.status = "queued";
    run.queuedAt = OffsetDateTime.now(ZoneOffset.UTC);
    return run;
  }

  public void running() {
    status = "running";
  }

  public void done(int passedCount, int failedCount) {
    status = "done";
    passed = passedCount;
    failed = failedCount;
    finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public void failed(String why) {
    status = "failed";
    error = why;
    finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public UUID id() {
    return id;
  }

  public UUID capsuleId() {
    return capsuleId;
  }

  public String trigger() {
    return trigger;
  }

  public String status() {
    return status;
  }

  public OffsetDateTime queuedAt() {
    return queuedAt;
  }

  public OffsetDateTime finishedAt() {
    return finishedAt;
  }

  public int passed() {
    return passed;
  }

  public int failedCount() {
    return failed;
  }

  public String error() {
    return error;
  }
}
