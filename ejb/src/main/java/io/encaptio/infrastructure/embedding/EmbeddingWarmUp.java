package io.encaptio.infrastructure.embedding;

import io.encaptio.domain.content.EmbeddingModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the embedding models when the application starts, so their native tokenizer library is
 * loaded by this application's class loader before anything else in the JVM can take it: a JVM
 * loads a native library into one class loader only, and a second application on the same server
 * (the tests' Arquillian deployments carry the services' classes) that loaded it first left this
 * one unable to embed anything until the server restarted. A failure here is logged, never fatal:
 * the models are asked for again when they are used, and fail there with the cause.
 *
 * <p>Not solved by this: when the application restarts inside a running JVM (a configuration change
 * that restarts it, a redeploy), the library stays with the previous class loader and the restarted
 * application cannot embed until the JVM restarts. Loading the tokenizer from a Liberty shared
 * library (one class loader across restarts) is the fix still to make.
 */
@ApplicationScoped
public class EmbeddingWarmUp {

  private static final Logger LOG = Logger.getLogger(EmbeddingWarmUp.class.getName());

  @Inject Instance<EmbeddingModels> models;

  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    try {
      int count = models.get().all().size();
      LOG.fine(() -> count + " embedding models ready");
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "The embedding models could not be created at start: " + e, e);
    }
  }
}
