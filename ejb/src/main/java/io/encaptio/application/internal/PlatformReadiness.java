package io.encaptio.application.internal;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether this application has brought the platform schema to its version ({@link PlatformStartup}
 * says so once): the job workers poll the queue only then, so they never read a table without the
 * columns this build expects.
 */
@ApplicationScoped
public class PlatformReadiness {

  private volatile boolean migrated;

  void migrated() {
    migrated = true;
  }

  public boolean platformMigrated() {
    return migrated;
  }
}
