package io.encaptio.infrastructure.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * A model shipped in a LangChain4j embeddings artifact ({@code NAME.onnx} and {@code
 * NAME-tokenizer.json} at the root of its jar), run in an ONNX Runtime session with our options
 * instead of the artifact's defaults. The defaults give every call a pool as large as the machine's
 * cores whose threads spin between calls: on a small node they take the cores from the database
 * queries that follow a question's embedding, and the texts embedded side by side during ingestion
 * each start such a pool. Here a call uses {@code threads} threads and idle threads sleep.
 */
final class OnnxModel extends AbstractInProcessEmbeddingModel implements AutoCloseable {

  private final OrtSession session;
  private final OnnxBertBiEncoder encoder;

  private OnnxModel(OrtSession session, OnnxBertBiEncoder encoder, Executor executor) {
    super(executor);
    this.session = session;
    this.encoder = encoder;
  }

  /** Loads {@code name} from the class path of {@code artifact} (a class of its jar). */
  static OnnxModel load(
      Class<?> artifact, String name, PoolingMode pooling, int threads, Executor executor) {
    try (InputStream model = resource(artifact, name + ".onnx");
        InputStream tokenizer = resource(artifact, name + "-tokenizer.json");
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.addConfigEntry("session.inter_op.allow_spinning", "0");
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      return new OnnxModel(
          session, new OnnxBertBiEncoder(environment, session, tokenizer, pooling), executor);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the embedding model " + name, e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load the embedding model " + name, e);
    }
  }

  private static InputStream resource(Class<?> artifact, String file) throws IOException {
    InputStream stream = artifact.getClassLoader().getResourceAsStream(file);
    if (stream == null) {
      throw new IOException(file + " is not on the class path of " + artifact.getName());
    }
    return stream;
  }

  /**
   * Releases the session's native memory (the model's weights, some 30 to 90 MB outside the heap).
   * ONNX Runtime lives in the server's shared library, so a session left open outlives a restart of
   * the application; later calls fail with {@link IllegalStateException}.
   */
  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot close the embedding model", e);
    }
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return 384;
  }
}
