package io.encaptio.domain.job;

import java.util.UUID;

/** A claimed job: what to do ({@code kind}) to which thing ({@code subjectId}) of which tenant. */
public record Job(
    UUID id, UUID tenantId, String kind, UUID subjectId, int attempt, int maxAttempts) {

  public boolean lastAttempt() {
    return attempt >= maxAttempts;
  }
}
