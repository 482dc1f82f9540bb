package io.encaptio.infrastructure.embedding;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.encaptio.domain.content.EmbeddingModels;
import io.encaptio.domain.content.Embeddings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The models capsules can index with, in process through ONNX Runtime on a fixed pool of managed
 * threads as large as the node's cores (each text is one ONNX call; more calls at once than cores
 * only contend, and a managed executor's per-task context capture measurably slowed ingestion).
 * Both make 384-dimension vectors, so one column holds either; each chunk records which made it.
 *
 * <ul>
 *   <li>bge-small-en-v1.5, int8-quantised: the default, the better retrieval of the two on SciFact
 *       train; reads 512 tokens (longer text is split into 510-token pieces and averaged).
 *   <li>all-MiniLM-L6-v2: faster, weaker; its tokenizer silently drops everything after 128 tokens.
 * </ul>
 */
@ApplicationScoped
public class OnnxEmbeddingModels implements EmbeddingModels {

  /** Container-managed threads, pooled here: one task per text, no context to capture each time. */
  @Resource ManagedThreadFactory threads;

  /** Texts embedded at once: the node's cores (each is one ONNX call using every core). */
  @Inject
  @ConfigProperty(name = "encaptio.embedding.threads")
  Optional<Integer> configuredThreads;

  /**
   * Threads one ONNX call uses (default 1): texts are embedded side by side on the pool above and
   * questions of different visitors at once, so one thread per call keeps every core busy without
   * calls contending; a node answering one visitor at a time gains from 2.
   */
  @Inject
  @ConfigProperty(name = "encaptio.embedding.onnx-threads", defaultValue = "1")
  int onnxThreads;

  private static final Logger LOG = Logger.getLogger(OnnxEmbeddingModels.class.getName());

  /** How long stopping waits for embedding calls under way before it leaves their session open. */
  static final long CALLS_END_WAIT_SECONDS = 10;

  private ExecutorService executor;
  private List<OnnxEmbeddings> models;

  /**
   * The models outside a server (benchmarks, tests) with the server's default settings: one
   * embedding thread per core, one ONNX thread per call, plain daemon threads where the server has
   * managed ones. {@link #stop} ends them.
   */
  public static OnnxEmbeddingModels standalone() {
    OnnxEmbeddingModels models = new OnnxEmbeddingModels();
    models.configuredThreads = Optional.empty();
    models.onnxThreads = 1;
    models.register();
    return models;
  }

  @PostConstruct
  void register() {
    ThreadFactory factory =
        threads != null
            ? threads
            : task -> {
              Thread thread = new Thread(task, "encaptio-embedding");
              thread.setDaemon(true);
              return thread;
            };
    executor =
        Executors.newFixedThreadPool(
            configuredThreads.orElse(Runtime.getRuntime().availableProcessors()), factory);
    models =
        List.of(
            new OnnxEmbeddings(
                "bge-small-en-v1.5-q",
                "BGE small (English) — best answers",
                512,
                "Represent this sentence for searching relevant passages: ",
                e ->
                    OnnxModel.load(
                        BgeSmallEnV15QuantizedEmbeddingModel.class,
                        "bge-small-en-v1.5-q",
                        PoolingMode.CLS,
                        onnxThreads,
                        e),
                executor),
            new OnnxEmbeddings(
                "all-minilm-l6-v2",
                "MiniLM L6 — fastest indexing",
                128,
                "",
                e ->
                    OnnxModel.load(
                        AllMiniLmL6V2EmbeddingModel.class,
                        "all-minilm-l6-v2",
                        PoolingMode.MEAN,
                        onnxThreads,
                        e),
                executor));
  }

  /**
   * Closes the models' ONNX sessions once no call uses them: ONNX Runtime is in the server's shared
   * library, so sessions left open would keep their native memory through every restart of the
   * application. New calls are refused first; the texts already queued on the threads still run
   * (their callers wait for them), then the sessions close as the calls on callers' threads end.
   * Whatever is still busy after {@value #CALLS_END_WAIT_SECONDS} s keeps its session open.
   */
  @PreDestroy
  public void stop() {
    models.forEach(OnnxEmbeddings::refuseNewCalls);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(CALLS_END_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warning(
            "Texts were still being embedded "
                + CALLS_END_WAIT_SECONDS
                + " s after the application began to stop; the embedding models' ONNX sessions"
                + " are left open");
        executor.shutdownNow();
        return;
      }
      for (OnnxEmbeddings model : models) {
        if (!model.close(Duration.ofSeconds(CALLS_END_WAIT_SECONDS))) {
          LOG.warning(
              () ->
                  "The embedding model "
                      + model.modelId()
                      + " was still in use "
                      + CALLS_END_WAIT_SECONDS
                      + " s after the application began to stop; its ONNX session is left open");
        }
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public List<Embeddings> all() {
    return List.copyOf(models);
  }

  @Override
  public Embeddings model(String id) {
    return models.stream()
        .filter(m -> m.modelId().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No embedding model " + id));
  }
}
