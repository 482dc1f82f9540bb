package io.encaptio.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What the interceptor's checks cost, on {@code /metrics} as {@code encaptio_authorization_check}:
 * the check of each service call a request or job makes first (a team look-up included when a
 * per-capsule permission needs one). The web layer times the per-request read of the caller's role
 * beside it ({@code encaptio_authorization_membership}).
 */
@ApplicationScoped
public class AuthorizationMetrics {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private volatile Timer checks;

  void checked(long nanos) {
    if (checks == null) {
      checks = registry.timer("encaptio_authorization_check");
    }
    checks.update(Duration.ofNanos(nanos));
  }
}
