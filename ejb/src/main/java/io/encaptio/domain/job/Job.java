package io.encaptio.domain.job;

import java.util.UUID;

/**
 * A claimed job: what to do ({@code kind}) to which thing ({@code subjectId}) of which tenant, and
 * the trace it was queued in ({@code traceContext}, a W3C traceparent; null when none).
 */
public record Job(
    UUID id,
    UUID tenantId,
    String kind,
    UUID subjectId,
    int attempt,
    int maxAttempts,
    String traceContext) {

  public boolean lastAttempt() {
    return attempt >= maxAttempts;
  }
}
