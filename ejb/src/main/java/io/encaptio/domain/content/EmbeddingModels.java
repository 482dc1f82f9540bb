package io.encaptio.domain.content;

import java.util.List;

/** The embedding models this build ships, by id; a capsule chooses one for its content. */
public interface EmbeddingModels {

  /** Every model, the recommended first. */
  List<Embeddings> all();

  /**
   * @throws IllegalArgumentException for an id no model of this build has
   */
  Embeddings model(String id);

  default boolean has(String id) {
    return all().stream().anyMatch(m -> m.modelId().equals(id));
  }
}
