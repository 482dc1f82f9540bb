package io.encaptio.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while Keycloak serves the realm's discovery document: no sign-in works without it. */
@Readiness
@ApplicationScoped
public class IdentityProviderReadiness implements HealthCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("keycloak");
    // Read on every call, not injected once: configuration changes apply without a restart.
    Config config = ConfigProvider.getConfig();
    URI discovery =
        URI.create(
            config.getValue("keycloak.url", String.class)
                + "/realms/"
                + config.getValue("keycloak.realm", String.class)
                + "/.well-known/openid-configuration");
    try {
      HttpResponse<Void> answer =
          http.send(
              HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response
          .status(answer.statusCode() == 200)
          .withData("status", answer.statusCode())
          .build();
    } catch (IOException e) {
      return response.down().withData("error", e.toString()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return response.down().withData("error", "interrupted").build();
    }
  }
}
