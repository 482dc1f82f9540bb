package io.encaptio.application.internal;

import io.encaptio.application.ContentService;
import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.domain.ai.GoldenRun;
import io.encaptio.domain.capsule.Capsule;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.capsule.IndexingSettings;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.content.ContentItem;
import io.encaptio.domain.content.ContentParser;
import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.content.ContentRepository;
import io.encaptio.domain.content.EmbeddingModels;
import io.encaptio.domain.content.Embeddings;
import io.encaptio.domain.job.JobQueue;
import io.encaptio.domain.shared.ConflictException;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Each method is one transaction in the current tenant's schema; ingestion is queued in it. */
@Stateless
@Local(ContentService.class)
public class DefaultContentService implements ContentService {

  private static final Logger LOG = Logger.getLogger(DefaultContentService.class.getName());

  @Inject CapsuleRepository capsules;
  @Inject ContentRepository content;
  @Inject JobQueue jobs;
  @Inject ContentParser parser;
  @Inject EmbeddingModels models;
  @Inject ContentQuota quota;
  @Inject GoldenRuns goldenRuns;
  @Inject CapsuleReindexing reindexing;

  @Inject
  @ConfigProperty(name = "encaptio.upload.max.bytes", defaultValue = "26214400")
  long maxUploadBytes;

  @Override
  public ContentDto addText(UUID capsuleId, String title, String text) {
    return add(ContentItem.text(requireCapsule(capsuleId), title, text));
  }

  @Override
  public ContentDto addFaq(UUID capsuleId, String question, String answer) {
    return add(ContentItem.faq(requireCapsule(capsuleId), question, answer));
  }

  @Override
  public ContentDto addFile(UUID capsuleId, String fileName, byte[] bytes, String caption) {
    requireCapsule(capsuleId);
    if (bytes.length > maxUploadBytes) {
      throw new InvalidCapsuleException(
          Map.of(
              "file",
              "The file has "
                  + megabytes(bytes.length)
                  + "; files of up to "
                  + megabytes(maxUploadBytes)
                  + " are accepted. Split it or upload a smaller version."));
    }
    String mediaType;
    try {
      mediaType = parser.acceptedMediaType(bytes, fileName);
    } catch (ContentRejectedException rejected) {
      throw new InvalidCapsuleException(Map.of("file", rejected.getMessage()));
    }
    quota.checkRoomFor(bytes.length + (caption == null ? 0 : caption.length()), "file");
    String sha256 = sha256(bytes);
    content
        .fileWithHash(capsuleId, sha256)
        .ifPresent(
            existing -> {
              throw new ConflictException(
                  "This file is in the capsule already, as '" + existing.title() + "'.");
            });
    if (mediaType.startsWith("image/") && (caption == null || caption.isBlank())) {
      throw new InvalidCapsuleException(
          Map.of(
              "caption",
              "Describe the image in a caption or alt text: answers come from that text, as"
                  + " Encaptio does not read what a picture shows."));
    }
    ContentItem item =
        ContentItem.file(capsuleId, fileName, mediaType, bytes.length, sha256, caption);
    content.add(item);
    content.addBlob(item.id(), bytes);
    jobs.enqueue(JobQueue.INGEST_CONTENT, item.id());
    return toDto(item);
  }

  @Override
  public ContentDto addUrl(UUID capsuleId, String url, int depth, int maxPages, Integer syncHours) {
    ContentItem item = ContentItem.url(requireCapsule(capsuleId), url, depth, maxPages, syncHours);
    content
        .withUrl(capsuleId, item.sourceUrl())
        .ifPresent(
            existing -> {
              throw new ConflictException(
                  "This address is in the capsule already; sync it to fetch it again.");
            });
    return add(item);
  }

  @Override
  public ContentDto syncNow(UUID capsuleId, UUID itemId) {
    ContentItem item = requireItem(capsuleId, itemId);
    if (!"url".equals(item.kind())) {
      throw new ConflictException(
          "Only web addresses sync; upload a new version of a file instead.");
    }
    item.syncNow(OffsetDateTime.now(ZoneOffset.UTC));
    jobs.enqueue(JobQueue.SYNC_CONTENT, item.id());
    return toDto(item);
  }

  @Override
  public ContentDto cancel(UUID capsuleId, UUID itemId) {
    ContentItem item = requireItem(capsuleId, itemId);
    if (jobs.cancel(JobQueue.INGEST_CONTENT, item.id()) == 0) {
      throw new ConflictException(
          "url".equals(item.kind())
              ? "No indexing of this address is waiting or running (a sync that is running ends"
                  + " by itself and keeps the current index if it fails)."
              : "Nothing is being indexed for this item; there is nothing to cancel.");
    }
    item.cancelled();
    return toDto(item);
  }

  @Override
  public ContentDto reindex(UUID capsuleId, UUID itemId) {
    ContentItem item = requireItem(capsuleId, itemId);
    item.requeue();
    jobs.enqueue(JobQueue.INGEST_CONTENT, item.id());
    return toDto(item);
  }

  @Override
  public ContentDto label(UUID capsuleId, UUID itemId, List<String> tags, String language) {
    ContentItem item = requireItem(capsuleId, itemId);
    item.label(tags, language);
    return toDto(item);
  }

  @Override
  public void remove(UUID capsuleId, UUID itemId) {
    content.remove(requireItem(capsuleId, itemId));
    goldenRuns.queue(capsuleId, GoldenRun.REINDEX);
  }

  @Override
  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  @Override
  public List<ContentDto> content(UUID capsuleId) {
    requireCapsule(capsuleId);
    return content.ofCapsule(capsuleId).stream().map(DefaultContentService::toDto).toList();
  }

  @Override
  public ContentDto item(UUID capsuleId, UUID itemId) {
    return toDto(requireItem(capsuleId, itemId));
  }

  @Override
  public List<ChunkDto> chunks(UUID capsuleId, UUID itemId) {
    return content.chunks(requireItem(capsuleId, itemId).id()).stream()
        .map(
            c ->
                new ChunkDto(
                    c.ordinal(), c.text(), c.headingPath(), c.page(), c.position(), c.model()))
        .toList();
  }

  @Override
  public IndexingDto indexing(UUID capsuleId) {
    return toDto(requireCapsuleEntity(capsuleId).indexing());
  }

  @Override
  public IndexingDto changeIndexing(UUID capsuleId, IndexingChange change) {
    Capsule capsule = requireCapsuleEntity(capsuleId);
    IndexingSettings current = capsule.indexing();
    String model = change.model() == null ? current.model() : change.model();
    int chunkTokens = change.chunkTokens() == null ? current.chunkTokens() : change.chunkTokens();
    int overlapTokens =
        change.overlapTokens() == null ? current.overlapTokens() : change.overlapTokens();
    if (!models.has(model)) {
      throw new InvalidCapsuleException(
          Map.of(
              "model",
              "Choose one of the embedding models: "
                  + String.join(", ", models.all().stream().map(Embeddings::modelId).toList())
                  + "."));
    }
    IndexingSettings settings =
        new IndexingSettings(model, chunkTokens, overlapTokens)
            .checkedFor(models.model(model).maxTokens());
    if (capsule.changeIndexing(settings)) {
      reindexing.requeueAll(capsuleId, "indexes with " + settings + " from now on");
    }
    return toDto(settings);
  }

  private IndexingDto toDto(IndexingSettings settings) {
    return new IndexingDto(
        settings.model(),
        settings.chunkTokens(),
        settings.overlapTokens(),
        models.all().stream()
            .map(m -> new ModelDto(m.modelId(), m.label(), m.maxTokens()))
            .toList());
  }

  private Capsule requireCapsuleEntity(UUID capsuleId) {
    return capsules.find(capsuleId).orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
  }

  private ContentItem requireItem(UUID capsuleId, UUID itemId) {
    requireCapsule(capsuleId);
    return content
        .find(itemId)
        .filter(item -> item.capsuleId().equals(capsuleId))
        .orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
  }

  private UUID requireCapsule(UUID capsuleId) {
    return requireCapsuleEntity(capsuleId).id();
  }

  private ContentDto add(ContentItem item) {
    if (!"url".equals(item.kind())) {
      quota.checkRoomFor(item.body().length(), item.kind().equals("faq") ? "answer" : "text");
    }
    content.add(item);
    jobs.enqueue(JobQueue.INGEST_CONTENT, item.id());
    return toDto(item);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static ContentDto toDto(ContentItem item) {
    return new ContentDto(
        item.id(),
        item.kind(),
        item.title(),
        item.mediaType(),
        item.sizeBytes(),
        item.body().length(),
        item.stage().dbValue(),
        item.progress(),
        item.error(),
        item.chunkCount(),
        item.createdAt(),
        item.indexedAt(),
        item.sourceUrl(),
        item.pageCount(),
        item.syncHours(),
        item.lastSyncedAt(),
        item.syncFailures(),
        item.stale(),
        item.syncError(),
        item.tags(),
        item.language());
  }
}
