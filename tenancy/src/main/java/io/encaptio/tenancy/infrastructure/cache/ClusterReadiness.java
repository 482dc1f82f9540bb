package io.encaptio.tenancy.infrastructure.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The Infinispan cluster as this node sees it, in {@code /health/ready}: how many members, which,
 * and this node's name. Always up: a node alone (the others gone, or no cluster configured) still
 * serves, with limits and caches of its own until the others rejoin.
 */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {

  @Inject InfinispanCaches caches;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("cluster")
        .up()
        .withData("clustered", caches.clustered())
        .withData("members", caches.members().size())
        .withData("view", String.join(", ", caches.members()))
        .withData("self", caches.self())
        .build();
  }
}
