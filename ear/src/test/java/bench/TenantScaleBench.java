package bench;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.support.KeycloakProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of the tenant-scale benchmark ({@code encaptio.sh bench tenants}, which starts
 * and restarts the server and reads its heap). Talks to the running server and Keycloak only
 * through their public APIs, as an operator and integrators would.
 *
 * <ul>
 *   <li>{@code routing LABEL}: the same tenant read ({@code GET /api/v1/capsules} as alice of acme,
 *       which stays in the tenant's schema; people also asks Keycloak for the organization's
 *       members) many times; writes the median and mean latency to {@code routing-LABEL.txt}.
 *   <li>{@code provision FROM TO}: provisions tenants {@code bench-FROM} … {@code bench-TO} through
 *       the operators' API, adding each one's step timings (Encaptio's steps and Keycloak's apart,
 *       then each step, then when it finished) to {@code provision.csv}.
 *   <li>{@code serve N}: one member user joins each bench organization in turn, is served a read of
 *       its tenant's schema (the answer must name that tenant) and leaves again: a person in
 *       thousands of organizations at once made Keycloak's token and membership calls grow with the
 *       number (60 tenants a minute served at 1,300, Keycloak on both cores).
 * </ul>
 *
 * <p>Provisioning and serving run {@code bench.clients} operators (default 3) side by side, each
 * taking the next tenant number, so both cores of the machine work (one request at a time left
 * about a third of them idle while Keycloak or PostgreSQL waited on the other); the first failure
 * stops every client.
 *
 * <p>The benchmark has a Keycloak of its own (bench-tenants.sh), so nothing here is removed again.
 */
public final class TenantScaleBench {

  static final String PREFIX = "bench-";
  static final String MEMBER = "bench.member";
  static final String MEMBER_PASSWORD = "encaptio-bench-only";

  private final Path out;

  private TenantScaleBench(Path out) {
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: routing LABEL | provision FROM TO | serve N");
    }
    Path out = Path.of(System.getProperty("bench.out", ".run/bench-tenants"));
    Files.createDirectories(out);
    TenantScaleBench bench = new TenantScaleBench(out);
    switch (args[0]) {
      case "routing" -> bench.routing(args[1]);
      case "provision" -> bench.provision(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      case "serve" -> bench.serve(Integer.parseInt(args[1]));
      default -> throw new IllegalArgumentException("unknown phase " + args[0]);
    }
  }

  static String name(int i) {
    return "Bench tenant " + i;
  }

  static String slug(int i) {
    return PREFIX + String.format(Locale.ROOT, "%04d", i);
  }

  // ------------------------------------------------------------------------------------ routing

  private void routing(String label) throws IOException {
    String token = ItEnvironment.accessToken("alice.acme", "openid organization");
    int warmUp = Integer.getInteger("bench.routing.warmup", 5_000);
    int measured = Integer.getInteger("bench.routing.requests", 5_000);
    for (int i = 0; i < warmUp; i++) {
      read(token);
    }
    long[] nanos = new long[measured];
    for (int i = 0; i < measured; i++) {
      long start = System.nanoTime();
      read(token);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    double mean = Arrays.stream(nanos).average().orElseThrow();
    String line =
        String.format(
            Locale.ROOT,
            "median_us=%d mean_us=%.0f p95_us=%d requests=%d%n",
            nanos[measured / 2] / 1_000,
            mean / 1_000,
            nanos[(int) (measured * 0.95)] / 1_000,
            measured);
    Files.writeString(out.resolve("routing-" + label + ".txt"), line);
    System.out.print("routing " + label + ": " + line);
  }

  /** A read of the caller's tenant schema that a member may do; fails unless answered 200. */
  private static void read(String token) {
    HttpResponse<String> response =
        ItEnvironment.get("/api/v1/capsules", "Authorization", "Bearer " + token);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET /api/v1/capsules answered " + response.statusCode() + ": " + response.body());
    }
  }

  // ---------------------------------------------------------------------------------- provision

  private void provision(int from, int to) throws Exception {
    Refreshing<String> operator =
        new Refreshing<>(() -> ItEnvironment.accessToken("oscar.ops", "openid"));
    Path csv = out.resolve("provision.csv");
    if (!Files.exists(csv)) {
      Files.writeString(
          csv,
          "slug,client_ms,platform_ms,identity_provider_ms,"
              + String.join("_ms,", STEPS)
              + "_ms,finished_epoch_ms\n");
    }
    inParallel(from, to, i -> provisionOne(i, operator.get(), csv), "provisioned");
  }

  private void provisionOne(int i, String operatorToken, Path csv) throws IOException {
    String slug = slug(i);
    String body =
        ItEnvironment.JSON
            .createObjectNode()
            .put("slug", slug)
            .put("name", name(i))
            .put("ownerEmail", "owner@" + slug + ".bench.example")
            .put("ownerName", "Owner " + i)
            .toString();
    long start = System.nanoTime();
    HttpResponse<String> response =
        ItEnvironment.send(
            HttpRequest.newBuilder(URI.create(ItEnvironment.baseUrl() + "/api/ops/v1/tenants"))
                .header("Authorization", "Bearer " + operatorToken)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    long clientMs = (System.nanoTime() - start) / 1_000_000;
    if (response.statusCode() != 201) {
      throw new IllegalStateException(slug + ": " + response.statusCode() + " " + response.body());
    }
    JsonNode run = ItEnvironment.json(response.body());
    if (run.get("stepMillis").isEmpty()) {
      return; // provisioned by an earlier run of the benchmark: nothing was timed
    }
    String line =
        slug
            + ","
            + clientMs
            + ","
            + run.get("platformMillis").asLong()
            + ","
            + run.get("identityProviderMillis").asLong()
            + stepColumns(run.get("stepMillis"))
            + ","
            + System.currentTimeMillis()
            + "\n";
    synchronized (this) {
      Files.writeString(csv, line, StandardOpenOption.APPEND);
    }
  }

  /** The provisioning steps the server times, in order (TenantProvisioning.Step). */
  static final java.util.List<String> STEPS =
      java.util.List.of(
          "reserved", "schema_migrated", "organization_created", "owner_invited", "activated");

  /** Each step's milliseconds as further columns (-1 for a step the server did not report). */
  private static String stepColumns(JsonNode stepMillis) {
    StringBuilder columns = new StringBuilder();
    for (String step : STEPS) {
      columns.append(',').append(stepMillis.path(step).asLong(-1));
    }
    return columns.toString();
  }

  // -------------------------------------------------------------------------------------- serve

  private void serve(int count) throws Exception {
    Refreshing<KeycloakProbe> keycloak = new Refreshing<>(KeycloakProbe::fromEnvironment);
    // a fresh member: an interrupted run's may still be in organizations
    keycloak.get().deleteUser(keycloak.get().ensureUser(MEMBER, MEMBER_PASSWORD));
    String member = keycloak.get().ensureUser(MEMBER, MEMBER_PASSWORD);
    inParallel(1, count, i -> serveOne(i, keycloak.get(), member), "served");
  }

  private static void serveOne(int i, KeycloakProbe keycloak, String member) throws Exception {
    String slug = slug(i);
    JsonNode organizations = keycloak.organizationNamed(name(i), slug);
    if (organizations.size() != 1) {
      throw new IllegalStateException(slug + " has " + organizations.size() + " organizations");
    }
    String organization = organizations.get(0).get("id").asText();
    keycloak.addMember(organization, member);
    String token =
        ItEnvironment.accessToken(
            "encaptio-api", MEMBER, MEMBER_PASSWORD, "openid organization:" + slug);
    read(token);
    HttpResponse<String> me = ItEnvironment.get("/api/v1/me", "Authorization", "Bearer " + token);
    String served = ItEnvironment.json(me.body()).at("/tenant/slug").asText();
    if (!slug.equals(served)) {
      throw new IllegalStateException("a token of " + slug + " was served as " + served);
    }
    keycloak.removeMember(organization, member);
  }

  /**
   * Runs {@code work} for every tenant number from {@code from} to {@code to} on {@code
   * bench.clients} threads, each taking the next number; reports every 100th and rethrows the first
   * failure after stopping the others.
   */
  private static void inParallel(int from, int to, TenantWork work, String done) throws Exception {
    int clients = Integer.getInteger("bench.clients", 3);
    AtomicInteger next = new AtomicInteger(from);
    AtomicInteger finished = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    ExecutorCompletionService<Void> running = new ExecutorCompletionService<>(pool);
    try {
      for (int c = 0; c < clients; c++) {
        running.submit(
            () -> {
              for (int i = next.getAndIncrement(); i <= to; i = next.getAndIncrement()) {
                work.run(i);
                if (finished.incrementAndGet() % 100 == 0) {
                  System.out.println(done + " " + finished.get() + " tenants");
                }
              }
              return null;
            });
      }
      for (int c = 0; c < clients; c++) {
        try {
          running.take().get(); // in the order they end: the first failure at once
        } catch (ExecutionException e) {
          next.set(Integer.MAX_VALUE - clients); // the others stop after their current tenant
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @FunctionalInterface
  private interface TenantWork {
    void run(int tenant) throws Exception;
  }

  /** A token (or a client holding one) renewed every minute, inside Keycloak's 5-minute tokens. */
  private static final class Refreshing<T> {
    private final ThrowingSupplier<T> source;
    private T value;
    private long fetchedAt;

    Refreshing(ThrowingSupplier<T> source) {
      this.source = source;
    }

    synchronized T get() {
      if (value == null || System.nanoTime() - fetchedAt > Duration.ofMinutes(1).toNanos()) {
        try {
          value = source.get();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        fetchedAt = System.nanoTime();
      }
      return value;
    }
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
