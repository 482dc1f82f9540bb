package io.encaptio.application.internal;

import io.encaptio.domain.ai.SentenceVectors;
import io.encaptio.domain.ai.Sentences;
import io.encaptio.domain.capsule.IndexingSettings;
import io.encaptio.domain.content.ChunkDraft;
import io.encaptio.domain.content.Chunker;
import io.encaptio.domain.content.ContentBlock;
import io.encaptio.domain.content.ContentItem;
import io.encaptio.domain.content.ContentParser;
import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.content.ContentStage;
import io.encaptio.domain.content.EmbeddingModels;
import io.encaptio.domain.content.Embeddings;
import io.encaptio.domain.content.TextBlocks;
import io.encaptio.domain.job.Job;
import io.encaptio.domain.job.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Ingests one content item: parse (files through Tika, web addresses fetched first; pasted text and
 * FAQ pairs directly), chunk as its capsule's indexing settings say (within the model's window),
 * embed with the capsule's model in batches (the progress moves with each), then replace the item's
 * chunks and mark it ready in one transaction. Running it twice leaves one set of chunks.
 */
@ApplicationScoped
public class IngestContentJob implements JobHandler {

  private static final Logger LOG = Logger.getLogger(IngestContentJob.class.getName());

  static final int BATCH = 64;

  @Inject IngestionSteps steps;
  @Inject ContentParser parser;
  @Inject EmbeddingModels models;
  @Inject WebSources web;
  @Inject JobQueue jobs;

  /** The job was cancelled while it ran: it stops, keeping whatever the item had. */
  static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("cancelled", null, false, false);
    }
  }

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
      long start = System.nanoTime();
      WebSources.Fetched fetched = null;
      List<ContentBlock> blocks;
      if ("url".equals(source.get().item().kind())) {
        fetched = web.fetch(source.get().item());
        blocks = web.blocks(fetched);
      } else {
        blocks = blocks(source.get());
      }
      index(job, source.get().indexing(), source.get().language(), blocks, fetched, start);
    } catch (Cancelled cancelled) {
      steps.cancelled(job.id(), job.subjectId());
    } catch (ContentRejectedException rejected) {
      steps.fail(job.id(), job.subjectId(), rejected.getMessage());
      throw rejected;
    } catch (RuntimeException | Error e) {
      if (job.lastAttempt()) {
        steps.fail(
            job.id(),
            job.subjectId(),
            "Indexing failed " + job.attempt() + " times; remove the item and add it again.");
      }
      throw e;
    }
  }

  /**
   * Chunks, embeds and stores the item's blocks (parsed since {@code start}), replacing its chunks;
   * for a URL source also records what was fetched.
   */
  void index(
      Job job,
      IndexingSettings indexing,
      String language,
      List<ContentBlock> blocks,
      WebSources.Fetched fetched,
      long start) {
    UUID itemId = job.subjectId();
    Embeddings embeddings = models.model(indexing.model());
    steps.reached(job.id(), itemId, ContentStage.CHUNKING, 30);
    long parsed = System.nanoTime();
    int budget = Math.min(indexing.chunkTokens(), embeddings.maxTokens() - 8);
    List<ChunkDraft> chunks =
        new Chunker(embeddings::countTokens, budget, indexing.overlapTokens()).chunk(blocks);
    if (chunks.isEmpty()) {
      throw new ContentRejectedException(
          "No text was found in it. If it is a scan, upload a version with selectable text.");
    }
    long chunked = System.nanoTime();
    List<byte[]> sentenceVectors = new ArrayList<>(chunks.size());
    List<float[]> vectors = embed(job, chunks, embeddings, language, sentenceVectors);
    long embedded = System.nanoTime();
    steps.finish(job.id(), itemId, chunks, vectors, sentenceVectors, language, indexing, fetched);
    long stored = System.nanoTime();
    LOG.info(
        () ->
            String.format(
                Locale.ROOT,
                "Indexed content item %s: %d chunks by %s; parse %.1f s, chunk %.1f s,"
                    + " embed %.1f s, store %.1f s",
                itemId,
                chunks.size(),
                embeddings.modelId(),
                (parsed - start) / 1e9,
                (chunked - parsed) / 1e9,
                (embedded - chunked) / 1e9,
                (stored - embedded) / 1e9));
  }

  private List<ContentBlock> blocks(IngestionSteps.Source source) {
    ContentItem item = source.item();
    return switch (item.kind()) {
      case "faq" ->
          List.of(
              ContentBlock.heading(1, item.title(), null), ContentBlock.body(item.body(), null));
      case "text" -> TextBlocks.of(item.title(), item.body());
      default -> withCaption(item, parser.parse(source.bytes(), item.title(), item.mediaType()));
    };
  }

  /** A file's caption (an image's alt text) comes first, under the file's name. */
  private static List<ContentBlock> withCaption(ContentItem item, List<ContentBlock> parsed) {
    if (item.body().isBlank()) {
      return parsed;
    }
    List<ContentBlock> blocks = new ArrayList<>(parsed.size() + 2);
    blocks.add(ContentBlock.heading(1, item.title(), null));
    blocks.add(ContentBlock.body(item.body(), null));
    blocks.addAll(parsed);
    return blocks;
  }

  /**
   * Embeds batch by batch, moving the progress; stops when the job was cancelled meanwhile. Each
   * chunk's sentences (as the answer pipeline splits them in the capsule's language) are embedded
   * in the same calls and added, packed, to {@code sentenceVectors}.
   */
  private List<float[]> embed(
      Job job,
      List<ChunkDraft> chunks,
      Embeddings embeddings,
      String language,
      List<byte[]> sentenceVectors) {
    UUID itemId = job.subjectId();
    steps.reached(job.id(), itemId, ContentStage.EMBEDDING, 40);
    List<float[]> vectors = new ArrayList<>(chunks.size());
    for (int from = 0; from < chunks.size(); from += BATCH) {
      List<ChunkDraft> batch = chunks.subList(from, Math.min(chunks.size(), from + BATCH));
      List<String> texts = new ArrayList<>();
      List<List<String>> sentences = new ArrayList<>();
      for (ChunkDraft chunk : batch) {
        texts.add(chunk.embeddingInput());
        sentences.add(Sentences.of(chunk.text(), language));
      }
      sentences.forEach(texts::addAll);
      List<float[]> embedded = embeddings.embed(texts);
      vectors.addAll(embedded.subList(0, batch.size()));
      int next = batch.size();
      for (List<String> own : sentences) {
        sentenceVectors.add(SentenceVectors.pack(embedded.subList(next, next + own.size())));
        next += own.size();
      }
      int done = Math.min(chunks.size(), from + BATCH);
      if (done < chunks.size()) {
        if (jobs.cancelled(job.id())) {
          throw new Cancelled();
        }
        steps.reached(job.id(), itemId, ContentStage.EMBEDDING, 40 + 55 * done / chunks.size());
      }
    }
    return vectors;
  }
}
