package io.encaptio.infrastructure.embedding;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.encaptio.domain.content.EmbeddingModels;
import io.encaptio.domain.content.Embeddings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The models capsules can index with, in process through ONNX Runtime on the embedding executor
 * (its concurrency is the server's cores: each text is one ONNX call, and more calls at once than
 * cores only contend). Both make 384-dimension vectors, so one column holds either; each chunk
 * records which made it.
 *
 * <ul>
 *   <li>bge-small-en-v1.5, int8-quantised: the default, the better retrieval of the two on SciFact
 *       train; reads 512 tokens (longer text is split into 510-token pieces and averaged).
 *   <li>all-MiniLM-L6-v2: faster, weaker; its tokenizer silently drops everything after 128 tokens.
 * </ul>
 */
@ApplicationScoped
public class OnnxEmbeddingModels implements EmbeddingModels {

  @Resource(lookup = "concurrent/encaptioEmbedding")
  ManagedExecutorService executor;

  private List<Embeddings> models;

  @PostConstruct
  void register() {
    models =
        List.of(
            new OnnxEmbeddings(
                "bge-small-en-v1.5-q",
                "BGE small (English) — best answers",
                512,
                BgeSmallEnV15QuantizedEmbeddingModel::new,
                executor),
            new OnnxEmbeddings(
                "all-minilm-l6-v2",
                "MiniLM L6 — fastest indexing",
                128,
                AllMiniLmL6V2EmbeddingModel::new,
                executor));
  }

  @Override
  public List<Embeddings> all() {
    return models;
  }

  @Override
  public Embeddings model(String id) {
    return models.stream()
        .filter(m -> m.modelId().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No embedding model " + id));
  }
}
