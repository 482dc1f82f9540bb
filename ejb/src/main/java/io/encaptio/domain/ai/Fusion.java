package io.encaptio.domain.ai;

import io.encaptio.domain.capsule.RetrievalSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fuses the vector and keyword stages' lists into one ranking. Weighted fusion rescales each list's
 * scores to 0..1 (min-max: cosine similarities and BM25 scores live on different scales) and adds
 * them with the capsule's weights, a chunk missing from a list getting 0 there; reciprocal rank
 * fusion adds 1 / (k + rank) and ignores scores. A single mode keeps its own stage's order.
 */
public final class Fusion {

  private Fusion() {}

  public static List<FusedHit> fuse(
      List<Hit> vector, List<Hit> keyword, SearchMode mode, RetrievalSettings settings) {
    Map<UUID, double[]> scores = new LinkedHashMap<>();
    Map<UUID, int[]> ranks = new LinkedHashMap<>();
    collect(vector, 0, scores, ranks);
    collect(keyword, 1, scores, ranks);
    double[] vectorRange = range(vector);
    double[] keywordRange = range(keyword);
    List<FusedHit> fused = new ArrayList<>(scores.size());
    for (var entry : scores.entrySet()) {
      double[] score = entry.getValue();
      int[] rank = ranks.get(entry.getKey());
      double value =
          switch (mode) {
            case VECTOR -> score[0];
            case KEYWORD -> score[1];
            case HYBRID ->
                RetrievalSettings.RRF.equals(settings.fusion())
                    ? reciprocal(rank[0], settings.rrfK()) + reciprocal(rank[1], settings.rrfK())
                    : settings.vectorWeight() * normalised(score[0], rank[0], vectorRange)
                        + (1 - settings.vectorWeight())
                            * normalised(score[1], rank[1], keywordRange);
          };
      fused.add(
          new FusedHit(
              entry.getKey(),
              rank[0] == 0 ? null : score[0],
              rank[0] == 0 ? null : rank[0],
              rank[1] == 0 ? null : score[1],
              rank[1] == 0 ? null : rank[1],
              value));
    }
    fused.sort(
        Comparator.comparingDouble(FusedHit::fusedScore)
            .reversed()
            .thenComparing(h -> h.chunkId().toString()));
    return fused;
  }

  private static void collect(
      List<Hit> hits, int stage, Map<UUID, double[]> scores, Map<UUID, int[]> ranks) {
    for (int i = 0; i < hits.size(); i++) {
      Hit hit = hits.get(i);
      double[] score = scores.computeIfAbsent(hit.chunkId(), id -> new double[2]);
      int[] rank = ranks.computeIfAbsent(hit.chunkId(), id -> new int[2]);
      if (rank[stage] == 0) {
        score[stage] = hit.score();
        rank[stage] = i + 1;
      }
    }
  }

  private static double[] range(List<Hit> hits) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Hit hit : hits) {
      min = Math.min(min, hit.score());
      max = Math.max(max, hit.score());
    }
    return new double[] {min, max};
  }

  /** 0..1 within the list; a chunk the stage did not find (no rank) counts as 0. */
  private static double normalised(double score, int rank, double[] range) {
    if (rank == 0) {
      return 0;
    }
    return range[1] == range[0] ? 1 : (score - range[0]) / (range[1] - range[0]);
  }

  private static double reciprocal(int rank, int k) {
    return rank == 0 ? 0 : 1.0 / (k + rank);
  }
}
