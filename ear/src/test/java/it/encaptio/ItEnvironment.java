package it.encaptio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the integration tests find the server and Keycloak (the environment the test command
 * exports), and the few HTTP calls they share.
 */
public final class ItEnvironment {

  public static final String DEMO_PASSWORD = "encaptio-demo";
  public static final ObjectMapper JSON = new ObjectMapper();
  public static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ItEnvironment() {}

  public static String baseUrl() {
    return env("ENCAPTIO_PUBLIC_URL", "http://localhost:" + env("ENCAPTIO_HTTP_PORT", "9080"));
  }

  public static String keycloakUrl() {
    return env("KEYCLOAK_URL", "http://localhost:8180");
  }

  public static String realm() {
    return env("KEYCLOAK_REALM", "encaptio");
  }

  public static Path serverDir() {
    return Path.of(
        System.getProperty("encaptio.server.dir", "target/liberty/wlp/usr/servers/encaptio"));
  }

  /** The database the server under test uses (the test command exports its coordinates). */
  public static java.sql.Connection database() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        databaseUrl(),
        env("ENCAPTIO_DB_USER", "encaptio"),
        env("ENCAPTIO_DB_PASSWORD", "encaptio-dev"));
  }

  public static String databaseUrl() {
    return "jdbc:postgresql://"
        + env("ENCAPTIO_DB_HOST", "127.0.0.1")
        + ":"
        + env("ENCAPTIO_DB_PORT", "5432")
        + "/"
        + env("ENCAPTIO_DB_NAME", "encaptio");
  }

  /**
   * Runs a command (one of the project's scripts, typically) to its end, at most ten minutes, with
   * its output echoed; fails the test with the output unless it exits 0. Answers the output.
   */
  public static String run(ProcessBuilder builder, String what) throws java.io.IOException {
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String out =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    System.out.print(out);
    try {
      org.assertj.core.api.Assertions.assertThat(
              process.waitFor(600, java.util.concurrent.TimeUnit.SECONDS))
          .as(what)
          .isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
    org.assertj.core.api.Assertions.assertThat(process.exitValue()).as(what + ": " + out).isZero();
    return out;
  }

  /** The project's root (the test runs in the ear module). */
  public static Path projectRoot() {
    return Path.of("").toAbsolutePath().getParent();
  }

  /** The schema the registry gave the tenant. */
  public static String tenantSchema(java.sql.Connection db, String slug)
      throws java.sql.SQLException {
    try (var query =
        db.prepareStatement("select schema_name from platform.tenants where slug = ?")) {
      query.setString(1, slug);
      try (var rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("No tenant " + slug + " in the registry");
        }
        return rows.getString(1);
      }
    }
  }

  public static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** An access token from Keycloak's password grant, as an integrator's script would get one. */
  public static String accessToken(String clientId, String username, String scope) {
    return accessToken(clientId, username, DEMO_PASSWORD, scope);
  }

  public static String accessToken(
      String clientId, String username, String password, String scope) {
    Map<String, String> form =
        Map.of(
            "grant_type", "password",
            "client_id", clientId,
            "username", username,
            "password", password,
            "scope", scope);
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(keycloakUrl() + "/realms/" + realm() + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Keycloak refused a token: " + response.body());
    }
    return json(response.body()).get("access_token").asText();
  }

  public static String accessToken(String username, String scope) {
    return accessToken("encaptio-api", username, scope);
  }

  public static HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return send(builder.timeout(Duration.ofSeconds(30)).build());
  }

  /** The server's HTTPS address (the test command's port; 9443 otherwise). */
  public static String httpsUrl() {
    return "https://localhost:" + env("ENCAPTIO_HTTPS_PORT", "9443");
  }

  /**
   * A client that trusts the server's own certificate, read from the keystore Liberty made for it
   * (the built server's, from the ear module or the project root), and no other.
   */
  public static HttpClient httpsClient() {
    HttpClient client = httpsClient;
    if (client == null) {
      client = trustingTheServer();
      httpsClient = client;
    }
    return client;
  }

  private static volatile HttpClient httpsClient;

  /** Basic authentication of {@code user}, as a header value. */
  public static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpClient trustingTheServer() {
    Path keystore =
        Stream.of("target", "ear/target")
            .map(dir -> Path.of(dir, "liberty/wlp/usr/servers/encaptio/resources/security/key.p12"))
            .filter(java.nio.file.Files::isRegularFile)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no built server's keystore found"));
    try (var in = java.nio.file.Files.newInputStream(keystore)) {
      java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
      trusted.load(in, env("ENCAPTIO_KEYSTORE_PASSWORD", "encaptio-dev-keystore").toCharArray());
      javax.net.ssl.TrustManagerFactory trust =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("the server's keystore " + keystore + " cannot be read", e);
    }
  }

  /** /metrics{@code query} as a scraper reads it: over HTTPS, as the metrics user. */
  public static String metrics(String query) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(httpsUrl() + "/metrics" + query))
            .header(
                "Authorization",
                basic(
                    env("ENCAPTIO_METRICS_USER", "metrics"),
                    env("ENCAPTIO_METRICS_PASSWORD", "encaptio-dev-metrics")))
            .timeout(Duration.ofSeconds(30))
            .build();
    try {
      HttpResponse<String> response =
          httpsClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("/metrics answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("/metrics could not be read", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP call to " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("Not JSON: " + body, e);
    }
  }

  /**
   * A response body and, when it quotes an incident, the server log's lines about it (the stack
   * trace of what failed): what a failing assertion should show, since CI keeps only its output.
   */
  public static String withIncident(String body) {
    java.util.regex.Matcher incident =
        java.util.regex.Pattern.compile("incident ([0-9a-f-]{36})").matcher(body);
    if (!incident.find()) {
      return body;
    }
    Path log = serverDir().resolve("logs/messages.log");
    try (var lines = java.nio.file.Files.lines(log)) {
      return body
          + "\n"
          + lines
              .filter(l -> l.contains(incident.group(1)))
              .map(ItEnvironment::causes)
              .collect(Collectors.joining("\n"));
    } catch (IOException | java.io.UncheckedIOException e) {
      return body + "\n(no server log at " + log + ": " + e.getMessage() + ")";
    }
  }

  /** A log line's beginning and the first line of each "Caused by" in its stack trace. */
  private static String causes(String line) {
    StringBuilder text = new StringBuilder(line.substring(0, Math.min(line.length(), 1500)));
    java.util.regex.Matcher cause =
        java.util.regex.Pattern.compile("Caused by: (.*?)(\\\\n|\\n)").matcher(line);
    while (cause.find()) {
      text.append("\n  caused by: ").append(cause.group(1));
    }
    return text.toString();
  }

  /** Polls until the condition holds; fails the test with the message after the timeout. */
  public static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      pause(Duration.ofMillis(500));
    }
  }

  /** Waits between polls. */
  public static void pause(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The demo tenants are registered from Keycloak shortly after the server starts. */
  public static void awaitDemoTenants() {
    for (String user : new String[] {"alice.acme", "grace.globex"}) {
      String token = accessToken(user, "openid organization");
      await(
          "the tenant of " + user + " to be registered with its owner",
          Duration.ofSeconds(120),
          () -> {
            HttpResponse<String> me = get("/api/v1/me", "Authorization", "Bearer " + token);
            return me.statusCode() == 200 && me.body().contains("\"role\":\"owner\"");
          });
    }
  }
}
