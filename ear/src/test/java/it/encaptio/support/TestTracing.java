package it.encaptio.support;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The tracer of a test application deployed beside the product ({@link Deployments}): Liberty's
 * OpenTelemetry API is a third-party API such an application in dropins does not see, so it carries
 * the API itself and traces nothing.
 */
@ApplicationScoped
public class TestTracing {

  @Produces
  @ApplicationScoped
  Tracer tracer() {
    return OpenTelemetry.noop().getTracer("encaptio-test-application");
  }
}
