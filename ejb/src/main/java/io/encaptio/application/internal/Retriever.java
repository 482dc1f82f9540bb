package io.encaptio.application.internal;

import io.encaptio.domain.ai.FusedHit;
import io.encaptio.domain.ai.Fusion;
import io.encaptio.domain.ai.Hit;
import io.encaptio.domain.ai.Passage;
import io.encaptio.domain.ai.PassageFilter;
import io.encaptio.domain.ai.PassageIndex;
import io.encaptio.domain.ai.RankedPassage;
import io.encaptio.domain.ai.Retrieval;
import io.encaptio.domain.ai.SearchMode;
import io.encaptio.domain.capsule.RetrievalSettings;
import io.encaptio.domain.content.EmbeddingModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hybrid retrieval over one capsule, inside the caller's transaction: the question embedded with
 * every model that made the capsule's chunks (two while a change of model re-indexes item by item),
 * the vector stage per model, the BM25 keyword stage, fusion, and the passages of the best {@code
 * limit} chunks. {@code millis} has each stage's time and "retrieve", the whole. The stages run one
 * after the other: running the keyword stage on a thread of its own beside the embedding was
 * measured slower on two cores (bench latency: p50 24.5 against 21.7 ms), the database and the
 * model competing for the same cores.
 */
@ApplicationScoped
class Retriever {

  @Inject PassageIndex index;
  @Inject EmbeddingModels models;

  Retrieval retrieve(
      UUID capsuleId,
      String question,
      SearchMode mode,
      RetrievalSettings settings,
      PassageFilter filter,
      int limit) {
    long began = System.nanoTime();
    Map<String, Double> millis = new LinkedHashMap<>();
    List<String> present = index.models(capsuleId).keySet().stream().filter(models::has).toList();
    List<Hit> vector = List.of();
    Map<String, float[]> queries = new LinkedHashMap<>();
    if (mode != SearchMode.KEYWORD) {
      long start = System.nanoTime();
      for (String model : present) {
        queries.put(model, models.model(model).embedQuery(question));
      }
      millis.put("embed", elapsed(start));
      start = System.nanoTime();
      vector = nearest(capsuleId, queries, settings, filter);
      millis.put("vector", elapsed(start));
    }
    List<Hit> keyword = List.of();
    if (mode != SearchMode.VECTOR) {
      long start = System.nanoTime();
      keyword =
          index.keywords(
              capsuleId,
              question,
              settings.keywordCandidates(),
              settings.postingsPerTerm(),
              filter);
      millis.put("keyword", elapsed(start));
    }
    long start = System.nanoTime();
    List<FusedHit> fused = Fusion.fuse(vector, keyword, mode, settings);
    List<FusedHit> best = fused.subList(0, Math.min(limit, fused.size()));
    Map<UUID, Passage> passages =
        index.passages(capsuleId, best.stream().map(FusedHit::chunkId).toList()).stream()
            .collect(Collectors.toMap(Passage::chunkId, Function.identity()));
    List<RankedPassage> ranked = new ArrayList<>(best.size());
    for (FusedHit hit : best) {
      Passage passage = passages.get(hit.chunkId());
      if (passage != null) { // removed between the stages and now
        ranked.add(new RankedPassage(passage, hit));
      }
    }
    millis.put("fuse", elapsed(start));
    millis.put("retrieve", elapsed(began));
    return new Retrieval(ranked, present, queries, millis);
  }

  /** Each model's nearest chunks, merged by similarity (each model's own cosine). */
  private List<Hit> nearest(
      UUID capsuleId,
      Map<String, float[]> queries,
      RetrievalSettings settings,
      PassageFilter filter) {
    List<Hit> hits = new ArrayList<>();
    queries.forEach(
        (model, vector) ->
            hits.addAll(
                index.nearest(
                    capsuleId,
                    model,
                    vector,
                    settings.vectorCandidates(),
                    settings.searchWidth(),
                    filter)));
    if (queries.size() > 1) {
      hits.sort(Comparator.comparingDouble(Hit::score).reversed());
      return hits.subList(0, Math.min(settings.vectorCandidates(), hits.size()));
    }
    return hits;
  }

  private static double elapsed(long start) {
    return Math.round((System.nanoTime() - start) / 1e4) / 100.0;
  }
}
