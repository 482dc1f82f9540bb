package io.encaptio.infrastructure.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import io.encaptio.domain.content.Embeddings;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One ONNX embedding model shipped in its LangChain4j artifact, loaded on first use (each takes
 * tens to a hundred MB of memory and a second or two) and run on the given executor. The models
 * offered share BERT's uncased WordPiece vocabulary, so one tokenizer counts for all of them.
 */
final class OnnxEmbeddings implements Embeddings {

  private static final HuggingFaceTokenCountEstimator TOKENIZER =
      new HuggingFaceTokenCountEstimator();

  private final String id;
  private final String label;
  private final int maxTokens;
  private final String queryPrefix;
  private final Function<Executor, EmbeddingModel> loader;
  private final Executor executor;
  private volatile EmbeddingModel model;

  OnnxEmbeddings(
      String id,
      String label,
      int maxTokens,
      String queryPrefix,
      Function<Executor, EmbeddingModel> loader,
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
    List<Embedding> embeddings =
        loaded().embedAll(texts.stream().map(TextSegment::from).toList()).content();
    return embeddings.stream().map(Embedding::vector).toList();
  }

  /** One short text, on the caller's thread: a question is embedded while its visitor waits. */
  @Override
  public float[] embedQuery(String question) {
    return loaded().embed(queryPrefix + question).content().vector();
  }

  private EmbeddingModel loaded() {
    EmbeddingModel loaded = model;
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
}
