package io.encaptio.application.internal;

import io.encaptio.application.ContentService;
import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.content.ContentItem;
import io.encaptio.domain.content.ContentParser;
import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.content.ContentRepository;
import io.encaptio.domain.content.StoredChunk;
import io.encaptio.domain.job.JobQueue;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Each method is one transaction in the current tenant's schema; ingestion is queued in it. */
@Stateless
@Local(ContentService.class)
public class DefaultContentService implements ContentService {

  @Inject CapsuleRepository capsules;
  @Inject ContentRepository content;
  @Inject JobQueue jobs;
  @Inject ContentParser parser;

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
  public ContentDto addFile(UUID capsuleId, String fileName, byte[] bytes) {
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
    String sha256 = sha256(bytes);
    content
        .fileWithHash(capsuleId, sha256)
        .ifPresent(
            existing -> {
              throw new IllegalStateException(
                  "This file is in the capsule already, as '" + existing.title() + "'.");
            });
    ContentItem item = ContentItem.file(capsuleId, fileName, mediaType, bytes.length, sha256);
    content.add(item);
    content.addBlob(item.id(), bytes);
    jobs.enqueue(JobQueue.INGEST_CONTENT, item.id());
    return toDto(item);
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
  public List<StoredChunk> chunks(UUID capsuleId, UUID itemId) {
    return content.chunks(requireItem(capsuleId, itemId).id());
  }

  private ContentItem requireItem(UUID capsuleId, UUID itemId) {
    requireCapsule(capsuleId);
    return content
        .find(itemId)
        .filter(item -> item.capsuleId().equals(capsuleId))
        .orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
  }

  private UUID requireCapsule(UUID capsuleId) {
    return capsules.find(capsuleId).orElseThrow(() -> new NoSuchCapsuleException(capsuleId)).id();
  }

  private ContentDto add(ContentItem item) {
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
        item.createdAt());
  }
}
