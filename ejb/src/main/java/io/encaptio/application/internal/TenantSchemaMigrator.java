package io.encaptio.application.internal;

import io.encaptio.tenancy.application.SchemaMigrations;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.application.TenantRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings every tenant schema to the latest tenant migration in the background, a bounded number at
 * a time, recording each tenant's state in the registry for operators. A tenant whose migration
 * fails is marked failed and the others go on; nothing here blocks the server start.
 *
 * <p>Tenants the registry records as migrated to this build's latest version are not handed to
 * Flyway again: asking Flyway costs a connection and a history-table read per schema, which at a
 * thousand tenants kept the start-up busy for longer than the start itself.
 */
@ApplicationScoped
public class TenantSchemaMigrator {

  private static final Logger LOG = Logger.getLogger(TenantSchemaMigrator.class.getName());

  @Inject TenantRegistry registry;
  @Inject SchemaMigrations migrations;

  @Resource(lookup = "concurrent/encaptioExecutor")
  ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "encaptio.migration.parallelism", defaultValue = "4")
  int parallelism;

  /** Starts migrating all tenants; the future completes when every tenant has been tried. */
  public CompletableFuture<Void> migrateAllInBackground() {
    String latest = migrations.latestTenantVersion();
    Queue<TenantRef> queue = new ConcurrentLinkedQueue<>(registry.needingMigration(latest));
    int workers = Math.max(1, Math.min(parallelism, queue.size()));
    int behind = queue.size();
    long started = System.nanoTime();
    LOG.info(
        () ->
            "Tenant schemas: "
                + behind
                + " to migrate to version "
                + latest
                + ", "
                + workers
                + " at a time; the others are at that version already");
    List<CompletableFuture<Void>> running =
        IntStream.range(0, workers).mapToObj(i -> executor.runAsync(() -> drain(queue))).toList();
    return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
        .whenComplete(
            (done, failure) ->
                LOG.info(
                    () ->
                        "Tenant schema migration finished: "
                            + behind
                            + " tenants tried in "
                            + (System.nanoTime() - started) / 1_000_000
                            + " ms"));
  }

  private void drain(Queue<TenantRef> queue) {
    for (TenantRef tenant = queue.poll(); tenant != null; tenant = queue.poll()) {
      migrate(tenant);
    }
  }

  /** Migrates one tenant's schema and records the outcome; never throws. */
  public void migrate(TenantRef tenant) {
    try {
      registry.migrationStarted(tenant.slug());
      String version = migrations.migrateTenant(tenant.databaseServer(), tenant.schemaName());
      registry.migrationSucceeded(tenant.slug(), version);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "Migration of tenant " + tenant.slug() + " failed");
      try {
        registry.migrationFailed(tenant.slug(), e.toString());
      } catch (RuntimeException recordFailure) {
        LOG.log(Level.SEVERE, recordFailure, () -> "Could not record the failed migration");
      }
    }
  }
}
