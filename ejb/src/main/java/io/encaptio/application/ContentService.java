package io.encaptio.application;

import io.encaptio.domain.content.StoredChunk;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The content of the current tenant's capsules: pasted text, FAQ pairs and uploaded files, each
 * ingested (parsed, chunked, embedded) by a job queued in the same transaction as the item.
 * Refusals are {@link io.encaptio.domain.capsule.InvalidCapsuleException} (what to fix, by field),
 * {@link NoSuchCapsuleException} and {@link IllegalStateException} (a file that is there already).
 */
public interface ContentService {

  ContentDto addText(UUID capsuleId, String title, String text);

  ContentDto addFaq(UUID capsuleId, String question, String answer);

  /**
   * Stores an uploaded file and queues its ingestion, in one transaction.
   *
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException for an empty, oversized or
   *     unaccepted file, saying which and what to upload instead
   * @throws IllegalStateException when the capsule has the same file already, naming it
   */
  ContentDto addFile(UUID capsuleId, String fileName, byte[] bytes);

  /** The largest file {@link #addFile} accepts; callers read at most one byte more. */
  long maxUploadBytes();

  /** The capsule's items, oldest first, each with its ingestion stage. */
  List<ContentDto> content(UUID capsuleId);

  ContentDto item(UUID capsuleId, UUID itemId);

  /** An item's chunks, in order, as search and citations will see them. */
  List<StoredChunk> chunks(UUID capsuleId, UUID itemId);

  record ContentDto(
      UUID id,
      String kind,
      String title,
      String mediaType,
      Long sizeBytes,
      int characters,
      String stage,
      int progress,
      String error,
      int chunks,
      OffsetDateTime createdAt)
      implements Serializable {}
}
