package io.encaptio.application.internal;

import io.encaptio.domain.content.ChunkDraft;
import io.encaptio.domain.content.Chunker;
import io.encaptio.domain.content.ContentBlock;
import io.encaptio.domain.content.ContentItem;
import io.encaptio.domain.content.ContentParser;
import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.content.ContentStage;
import io.encaptio.domain.content.Embeddings;
import io.encaptio.domain.content.TextBlocks;
import io.encaptio.domain.job.Job;
import io.encaptio.domain.job.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ingests one content item: parse (files through Tika; pasted text and FAQ pairs directly), chunk
 * within the model's window, embed in batches (the progress moves with each), then replace the
 * item's chunks and mark it ready in one transaction. Running it twice leaves one set of chunks.
 */
@ApplicationScoped
public class IngestContentJob implements JobHandler {

  /** Tokens per chunk, heading path included: below MiniLM's 128 with room for [CLS] and [SEP]. */
  static final int CHUNK_TOKENS = 120;

  static final int OVERLAP_TOKENS = 24;
  static final int BATCH = 64;

  @Inject IngestionSteps steps;
  @Inject ContentParser parser;
  @Inject Embeddings embeddings;

  @Override
  public String kind() {
    return JobQueue.INGEST_CONTENT;
  }

  @Override
  public void handle(Job job) {
    try {
      Optional<IngestionSteps.Source> source = steps.begin(job.subjectId());
      if (source.isEmpty()) {
        return; // the item was removed meanwhile: nothing to index
      }
      List<ContentBlock> blocks = blocks(source.get());
      steps.reached(job.subjectId(), ContentStage.CHUNKING, 30);
      int budget = Math.min(CHUNK_TOKENS, embeddings.maxTokens() - 8);
      List<ChunkDraft> chunks =
          new Chunker(embeddings::countTokens, budget, OVERLAP_TOKENS).chunk(blocks);
      if (chunks.isEmpty()) {
        throw new ContentRejectedException(
            "No text was found in it. If it is a scan, upload a version with selectable text.");
      }
      List<float[]> vectors = embed(job, chunks);
      steps.finish(job.subjectId(), chunks, vectors, embeddings.modelId());
    } catch (ContentRejectedException rejected) {
      steps.fail(job.subjectId(), rejected.getMessage());
      throw rejected;
    } catch (RuntimeException | Error e) {
      if (job.lastAttempt()) {
        steps.fail(
            job.subjectId(),
            "Indexing failed " + job.attempt() + " times; remove the item and add it again.");
      }
      throw e;
    }
  }

  private List<ContentBlock> blocks(IngestionSteps.Source source) {
    ContentItem item = source.item();
    return switch (item.kind()) {
      case "faq" ->
          List.of(
              ContentBlock.heading(1, item.title(), null), ContentBlock.body(item.body(), null));
      case "text" -> TextBlocks.of(item.title(), item.body());
      default -> parser.parse(source.bytes(), item.title(), item.mediaType());
    };
  }

  private List<float[]> embed(Job job, List<ChunkDraft> chunks) {
    steps.reached(job.subjectId(), ContentStage.EMBEDDING, 40);
    List<float[]> vectors = new ArrayList<>(chunks.size());
    for (int from = 0; from < chunks.size(); from += BATCH) {
      List<String> batch =
          chunks.subList(from, Math.min(chunks.size(), from + BATCH)).stream()
              .map(ChunkDraft::embeddingInput)
              .toList();
      vectors.addAll(embeddings.embed(batch));
      int done = Math.min(chunks.size(), from + BATCH);
      if (done < chunks.size()) {
        steps.reached(job.subjectId(), ContentStage.EMBEDDING, 40 + 55 * done / chunks.size());
      }
    }
    return vectors;
  }
}
