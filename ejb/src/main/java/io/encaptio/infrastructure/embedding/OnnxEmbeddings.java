package io.encaptio.infrastructure.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import io.encaptio.domain.content.Embeddings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * One ONNX embedding model shipped in its LangChain4j artifact, loaded on first use (each takes
 * tens to a hundred MB of memory and a second or two) and run on the given executor until {@link
 * #close}. The models offered share BERT's uncased WordPiece vocabulary, so one tokenizer counts
 * for all of them.
 */
final class OnnxEmbeddings implements Embeddings {

  private static final HuggingFaceTokenCountEstimator TOKENIZER =
      new HuggingFaceTokenCountEstimator();

  private final String id;
  private final String label;
  private final int maxTokens;
  private final String queryPrefix;
  private final Function<Executor, OnnxModel> loader;
  private final Executor executor;
  private volatile OnnxModel model;
  private volatile boolean closed;

  /** Calls hold it shared; {@link #close} exclusively, so a session never closes under a call. */
  private final ReadWriteLock calls = new ReentrantReadWriteLock();

  OnnxEmbeddings(
      String id,
      String label,
      int maxTokens,
      String queryPrefix,
      Function<Executor, OnnxModel> loader,
      Executor executor) {
    this.id = id;
    this.label = label;
    this.maxTokens = maxTokens;
    this.queryPrefix = queryPrefix;
    this.loader = loader;
    this.executor = executor;
  }

  @Override
  public String modelId() {
    return id;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public int dimensions() {
    return 384;
  }

  @Override
  public int maxTokens() {
    return maxTokens;
  }

  @Override
  public int countTokens(String text) {
    return TOKENIZER.estimateTokenCountInText(text);
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    calls.readLock().lock();
    try {
      List<Embedding> embeddings =
          loaded().embedAll(texts.stream().map(TextSegment::from).toList()).content();
      return embeddings.stream().map(Embedding::vector).toList();
    } finally {
      calls.readLock().unlock();
    }
  }

  /** One short text, on the caller's thread: a question is embedded while its visitor waits. */
  @Override
  public float[] embedQuery(String question) {
    calls.readLock().lock();
    try {
      return loaded().embed(queryPrefix + question).content().vector();
    } finally {
      calls.readLock().unlock();
    }
  }

  private OnnxModel loaded() {
    if (closed) {
      throw new IllegalStateException("The embedding model " + id + " is closed");
    }
    OnnxModel loaded = model;
    if (loaded == null) {
      synchronized (this) {
        if (model == null) {
          model = loader.apply(executor);
        }
        loaded = model;
      }
    }
    return loaded;
  }

  /** Refuses every call from now on; calls under way go on. */
  void refuseNewCalls() {
    closed = true;
  }

  /**
   * Refuses new calls and releases the model's native memory if it was loaded, once the calls
   * running on their callers' threads end (at most {@code wait}; texts embedded on the executor
   * must have ended before, see {@link OnnxEmbeddingModels#stop}). A call still running then keeps
   * the session open (returns false): closing it under the call could crash the process.
   */
  boolean close(Duration wait) throws InterruptedException {
    refuseNewCalls();
    if (!calls.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      return false;
    }
    try {
      synchronized (this) {
        if (model != null) {
          model.close();
          model = null;
        }
      }
      return true;
    } finally {
      calls.writeLock().unlock();
    }
  }
}
