package it.encaptio.support;

import io.encaptio.application.internal.DefaultTenantDirectory;
import io.encaptio.application.internal.PlatformStartup;
import io.encaptio.infrastructure.embedding.EmbeddingWarmUp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Arquillian test archives: the real EJB module and the EAR's libraries (tenancy and its
 * dependencies), deployed next to the application in the started test server. The start-up
 * singleton is left out: the application itself already synchronises the tenants. So are the
 * embedding models (no test application embeds): their jars are most of the EAR's libraries, which
 * every deployment zips and Liberty reads again, and their native runtimes are the server's
 * library, visible to the product's application only.
 */
public final class Deployments {

  /** The embedding models' jars (LangChain4j's artifact per model). */
  private static final Pattern MODELS = Pattern.compile("langchain4j-embeddings-(all-minilm|bge)");

  private Deployments() {}

  public static WebArchive ejbModule(String name, Class<?>... testClasses) throws Exception {
    Path earDir = Path.of(System.getProperty("encaptio.ear.dir", "target/encaptio"));
    File[] libraries;
    try (Stream<Path> jars = Files.list(earDir.resolve("lib"))) {
      libraries =
          jars.filter(jar -> !MODELS.matcher(jar.getFileName().toString()).find())
              .map(Path::toFile)
              .toArray(File[]::new);
    }
    JavaArchive ejbModule =
        ShrinkWrap.createFromZipFile(JavaArchive.class, jarOf(DefaultTenantDirectory.class))
            .deleteClass(PlatformStartup.class)
            .deleteClass(EmbeddingWarmUp.class);
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .addClasses(testClasses)
        .addClass(Deployments.class)
        .addClass(TestTracing.class)
        .addAsLibraries(libraries)
        // SLF4J with its java.util.logging provider, which the EAR leaves to the server's embedding
        // library (server.xml) and a dropins application cannot see
        .addAsLibraries(
            jarOf(org.slf4j.LoggerFactory.class), jarOf(org.slf4j.jul.JULServiceProvider.class))
        // OpenTelemetry's API, which the product's code uses and a dropins application cannot see
        .addAsLibraries(
            jarOf(io.opentelemetry.api.trace.Tracer.class),
            jarOf(io.opentelemetry.context.Context.class),
            jarOf(Class.forName("io.opentelemetry.common.ComponentLoader")))
        .addAsLibraries(ejbModule)
        .addAsLibraries(jarOf(org.assertj.core.api.Assertions.class))
        .addAsWebInfResource(
            new org.jboss.shrinkwrap.api.asset.StringAsset(
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                    + " bean-discovery-mode=\"annotated\"/>"),
            "beans.xml");
  }

  /** The jar (or classes directory zipped by ShrinkWrap) a class was loaded from. */
  public static File jarOf(Class<?> type) throws Exception {
    return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
