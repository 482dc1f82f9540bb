package bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.encaptio.domain.content.ChunkDraft;
import io.encaptio.domain.content.Chunker;
import io.encaptio.domain.content.TextBlocks;
import it.encaptio.ItEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The embedding-model benchmark's driver ({@code encaptio.sh bench models}): which in-process model
 * should index capsules by default. On the SciFact <b>train</b> claims (the test claims stay
 * untouched for the RAG issue's evaluation), over a sample of the corpus (every abstract a train
 * claim cites, filled up with others drawn with a fixed seed), each model indexes the abstracts
 * exactly as ingestion does (the product's {@link Chunker} within the model's window), answers each
 * claim by brute-force cosine over the chunks (an abstract scores as its best chunk) and is timed
 * on the same inputs. Prints one line per model and writes them to {@code models.txt}.
 */
public final class ModelBench {

  private static final String BGE_QUERY =
      "Represent this sentence for searching relevant passages: ";

  record Candidate(
      String id,
      Supplier<EmbeddingModel> model,
      int window,
      int chunkTokens,
      int overlap,
      String queryPrefix) {}

  public static void main(String[] args) throws Exception {
    Path scifact = Path.of(args[0]);
    int sample = Integer.parseInt(args.length > 1 ? args[1] : "2000");
    Path out = Path.of(System.getProperty("bench.out", ".run/bench-models"));
    Files.createDirectories(out);

    Map<String, List<String>> relevant = SciFact.qrels(scifact.resolve("qrels/train.tsv"));
    Map<String, String> queries = new LinkedHashMap<>();
    for (String line : Files.readAllLines(scifact.resolve("queries.train.jsonl"))) {
      JsonNode q = ItEnvironment.json(line);
      if (relevant.containsKey(q.get("_id").asText())) {
        queries.put(q.get("_id").asText(), q.get("text").asText());
      }
    }
    Map<String, String[]> corpus = new LinkedHashMap<>();
    for (SciFact.Document doc : SciFact.corpus(scifact.resolve("corpus.jsonl.gz"))) {
      corpus.put(doc.id(), new String[] {doc.title(), doc.text()});
    }
    List<String> docIds = sample(corpus.keySet(), relevant, sample);

    List<Candidate> candidates =
        List.of(
            new Candidate("all-minilm-l6-v2", AllMiniLmL6V2EmbeddingModel::new, 128, 120, 24, ""),
            new Candidate(
                "bge-small-en-v1.5-q",
                BgeSmallEnV15QuantizedEmbeddingModel::new,
                512,
                120,
                24,
                BGE_QUERY),
            new Candidate(
                "bge-small-en-v1.5-q",
                BgeSmallEnV15QuantizedEmbeddingModel::new,
                512,
                240,
                40,
                BGE_QUERY),
            new Candidate(
                "bge-small-en-v1.5", BgeSmallEnV15EmbeddingModel::new, 512, 240, 40, BGE_QUERY));
    HuggingFaceTokenCountEstimator tokenizer = new HuggingFaceTokenCountEstimator();
    List<String> lines = new ArrayList<>();
    String header =
        String.format(
            Locale.ROOT,
            "SciFact train: %d claims over %d of %d abstracts (every cited one + fixed-seed sample)",
            queries.size(),
            docIds.size(),
            corpus.size());
    System.out.println(header);
    lines.add(header);
    for (Candidate candidate : candidates) {
      Chunker chunker =
          new Chunker(
              tokenizer::estimateTokenCountInText,
              Math.min(candidate.chunkTokens(), candidate.window() - 8),
              candidate.overlap());
      List<String> inputs = new ArrayList<>();
      List<String> chunkDoc = new ArrayList<>();
      for (String id : docIds) {
        String[] doc = corpus.get(id);
        for (ChunkDraft chunk : chunker.chunk(TextBlocks.of(doc[0], doc[1]))) {
          inputs.add(chunk.embeddingInput());
          chunkDoc.add(id);
        }
      }
      EmbeddingModel model = candidate.model().get();
      embed(model, inputs.subList(0, 64)); // warm-up
      long start = System.nanoTime();
      List<float[]> vectors = embed(model, inputs);
      double seconds = (System.nanoTime() - start) / 1e9;
      List<String> queryIds = new ArrayList<>(queries.keySet());
      List<float[]> queryVectors =
          embed(
              model,
              queryIds.stream().map(id -> candidate.queryPrefix() + queries.get(id)).toList());
      double ndcg = 0;
      double recall = 0;
      for (int q = 0; q < queryIds.size(); q++) {
        List<String> ranking = rank(queryVectors.get(q), vectors, chunkDoc);
        ndcg += SciFact.ndcgAt10(ranking, relevant.get(queryIds.get(q)));
        recall += SciFact.recallAt100(ranking, relevant.get(queryIds.get(q)));
      }
      String line =
          String.format(
              Locale.ROOT,
              "model=%s chunk_tokens=%d overlap=%d chunks=%d seconds=%.1f chunks_per_second=%.1f"
                  + " abstracts_per_second=%.1f ndcg10=%.3f recall100=%.3f",
              candidate.id(),
              candidate.chunkTokens(),
              candidate.overlap(),
              inputs.size(),
              seconds,
              inputs.size() / seconds,
              docIds.size() / seconds,
              ndcg / queryIds.size(),
              recall / queryIds.size());
      System.out.println(line);
      lines.add(line);
      Files.write(out.resolve("models.txt"), lines);
    }
  }

  private static List<float[]> embed(EmbeddingModel model, List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += 64) {
      model
          .embedAll(
              texts.subList(from, Math.min(texts.size(), from + 64)).stream()
                  .map(TextSegment::from)
                  .toList())
          .content()
          .forEach(e -> vectors.add(e.vector()));
    }
    return vectors;
  }

  /** Abstracts by their best chunk's cosine (the models' vectors are normalised: a dot product). */
  private static List<String> rank(float[] query, List<float[]> vectors, List<String> chunkDoc) {
    Map<String, Double> best = new HashMap<>();
    for (int i = 0; i < vectors.size(); i++) {
      float[] v = vectors.get(i);
      double dot = 0;
      for (int d = 0; d < v.length; d++) {
        dot += v[d] * query[d];
      }
      best.merge(chunkDoc.get(i), dot, Math::max);
    }
    List<String> ranking = new ArrayList<>(best.keySet());
    ranking.sort((a, b) -> Double.compare(best.get(b), best.get(a)));
    return ranking;
  }

  private static List<String> sample(
      Set<String> all, Map<String, List<String>> relevant, int size) {
    Set<String> chosen = new HashSet<>();
    relevant.values().forEach(chosen::addAll);
    chosen.retainAll(all);
    List<String> rest = new ArrayList<>(all);
    rest.removeAll(chosen);
    Collections.shuffle(rest, new Random(42));
    for (String id : rest) {
      if (chosen.size() >= size) {
        break;
      }
      chosen.add(id);
    }
    return all.stream().filter(chosen::contains).toList();
  }
}
