package io.encaptio.infrastructure.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.encaptio.domain.content.Embeddings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (384 dimensions) in process through ONNX Runtime, on the server's managed
 * executor. Its tokenizer reads at most 128 tokens ([CLS] and [SEP] included) and silently drops
 * the rest, so chunks are cut to fit before they get here.
 */
@ApplicationScoped
public class MiniLmEmbeddings implements Embeddings {

  static final String MODEL_ID = "all-minilm-l6-v2";

  @Resource(lookup = "concurrent/encaptioExecutor")
  ManagedExecutorService executor;

  private AllMiniLmL6V2EmbeddingModel model;
  private HuggingFaceTokenCountEstimator tokenizer;

  @PostConstruct
  void load() {
    model = new AllMiniLmL6V2EmbeddingModel(executor);
    tokenizer = new HuggingFaceTokenCountEstimator();
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public int dimensions() {
    return 384;
  }

  @Override
  public int maxTokens() {
    return 128;
  }

  @Override
  public int countTokens(String text) {
    return tokenizer.estimateTokenCountInText(text);
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<Embedding> embeddings =
        model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
    return embeddings.stream().map(Embedding::vector).toList();
  }
}
