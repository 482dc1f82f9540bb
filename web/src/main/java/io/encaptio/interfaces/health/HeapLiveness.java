package io.encaptio.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless the heap is nearly exhausted. Deliberately independent of PostgreSQL and Keycloak:
 * an outage of either must not make Kubernetes restart healthy application nodes.
 */
@Liveness
@ApplicationScoped
public class HeapLiveness implements HealthCheck {

  static final double MAX_USED_FRACTION = 0.95;

  @Override
  public HealthCheckResponse call() {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    double fraction = (double) used / runtime.maxMemory();
    return HealthCheckResponse.named("heap")
        .status(fraction < MAX_USED_FRACTION)
        .withData("usedBytes", used)
        .withData("maxBytes", runtime.maxMemory())
        .build();
  }
}
