package io.encaptio.domain.ai;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Search over one capsule's chunks in the current tenant's schema. Every method takes the capsule:
 * nothing here reads another capsule's chunks.
 */
public interface PassageIndex {

  /** The embedding models of the capsule's chunks with their chunk counts (two during a switch). */
  Map<String, Integer> models(UUID capsuleId);

  /** The {@code k} chunks made by {@code model} nearest to {@code vector}, by cosine similarity. */
  List<Hit> nearest(
      UUID capsuleId, String model, float[] vector, int k, int searchWidth, PassageFilter filter);

  /**
   * The {@code k} chunks with the best BM25 score for the words of {@code query}, reading at most
   * {@code postingsPerTerm} postings (the highest-impact ones) of each word.
   */
  List<Hit> keywords(
      UUID capsuleId, String query, int k, int postingsPerTerm, PassageFilter filter);

  /** Grows with every change of the capsule's chunks (0 before any): cached answers name it. */
  long generation(UUID capsuleId);

  /** The passages of these chunks of the capsule, in no particular order. */
  List<Passage> passages(UUID capsuleId, Collection<UUID> chunkIds);
}
