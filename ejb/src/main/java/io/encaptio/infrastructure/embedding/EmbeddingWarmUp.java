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
 * Creates the embedding models when the application starts, which loads the tokenizer's native
 * library (DJL's, through the models' shared token counter), so the first text added does not wait
 * for it. That library and ONNX Runtime's come from the server's {@code embedding} library
 * (server.xml), whose class loader outlives the application: a restarted application finds them
 * loaded (a JVM loads a native library into one class loader only). A failure here is logged, never
 * fatal: the models are asked for again when they are used, and fail there with the cause.
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
