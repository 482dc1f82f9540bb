package io.encaptio.application;

import io.encaptio.application.access.Audited;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
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

  @Requires(Permission.EDIT_CAPSULE)
  @Audited("content.added")
  ContentDto addText(UUID capsuleId, String title, String text);

  @Requires(Permission.EDIT_CAPSULE)
  @Audited("content.added")
  ContentDto addFaq(UUID capsuleId, String question, String answer);

  /**
   * Stores an uploaded file and queues its ingestion, in one transaction. {@code caption} (required
   * for images, optional otherwise) is indexed with the file: an image's caption or alt text.
   *
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException for an empty, oversized or
   *     unaccepted file, saying which and what to upload instead
   * @throws IllegalStateException when the capsule has the same file already, naming it
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("content.added")
  ContentDto addFile(UUID capsuleId, String fileName, byte[] bytes, String caption);

  /**
   * Adds a web page, or with {@code depth} above 0 the site crawled from it (same origin, at most
   * {@code maxPages} pages, robots.txt obeyed), fetched and indexed by a job; with {@code
   * syncHours}, fetched again that often and re-indexed only when it changed.
   *
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException for a bad address or limits, by
   *     field
   * @throws IllegalStateException when the capsule has this address already
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("content.added")
  ContentDto addUrl(UUID capsuleId, String url, int depth, int maxPages, Integer syncHours);

  /**
   * Fetches a URL source again now (re-indexed only if it changed).
   *
   * @throws IllegalStateException for an item that is not a web address
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("content.sync_requested")
  ContentDto syncNow(UUID capsuleId, UUID itemId);

  /**
   * Stops the item's indexing: a queued job is dropped, a running one stops at its next batch; an
   * item indexed before keeps its earlier chunks.
   *
   * @throws IllegalStateException when nothing is queued or running for the item
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("content.cancelled")
  ContentDto cancel(UUID capsuleId, UUID itemId);

  /** Indexes the item again from its source (a failed item gets another try). */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("content.reindexed")
  ContentDto reindex(UUID capsuleId, UUID itemId);

  /**
   * Labels the item: tags and language that retrieval can be limited to.
   *
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException naming what to fix
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("content.labelled")
  ContentDto label(UUID capsuleId, UUID itemId, List<String> tags, String language);

  /** Removes the item with its chunks (and file); visitors' answers stop using it at once. */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("content.deleted")
  void remove(UUID capsuleId, UUID itemId);

  /** The largest file {@link #addFile} accepts; callers read at most one byte more. */
  @Requires(Permission.VIEW_CAPSULES)
  long maxUploadBytes();

  /** The capsule's items, oldest first, each with its ingestion stage. */
  @Requires(Permission.VIEW_CAPSULES)
  List<ContentDto> content(UUID capsuleId);

  @Requires(Permission.VIEW_CAPSULES)
  ContentDto item(UUID capsuleId, UUID itemId);

  /** An item's chunks, in order, as search and citations will see them. */
  @Requires(Permission.VIEW_CAPSULES)
  List<ChunkDto> chunks(UUID capsuleId, UUID itemId);

  /** How the capsule's content is indexed, with the models it can choose from. */
  @Requires(Permission.VIEW_CAPSULES)
  IndexingDto indexing(UUID capsuleId);

  /**
   * Indexes the capsule's content with other settings, read and changed in one transaction: the
   * fields {@code change} leaves out (null) keep their current value. When the result differs from
   * the current settings, every item is queued to be indexed again; each item's chunks are replaced
   * when its job ends.
   *
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException for an unknown model, or a chunk
   *     size or overlap the model cannot take, by field; nothing changes then
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("capsule.indexing_changed")
  IndexingDto changeIndexing(UUID capsuleId, IndexingChange change);

  /** Indexing settings to change; those left out (null) stay as they are. */
  record IndexingChange(String model, Integer chunkTokens, Integer overlapTokens)
      implements Serializable {}

  /** A chunk as stored: its text, where it came from, and the model that embedded it. */
  record ChunkDto(
      int ordinal, String text, String headingPath, Integer page, String position, String model)
      implements Serializable {}

  record IndexingDto(String model, int chunkTokens, int overlapTokens, List<ModelDto> models)
      implements Serializable {}

  /** An embedding model: its id, a label for people and how many tokens of a text it reads. */
  record ModelDto(String id, String label, int maxTokens) implements Serializable {}

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
      OffsetDateTime createdAt,
      OffsetDateTime indexedAt,
      String sourceUrl,
      int pages,
      Integer syncHours,
      OffsetDateTime lastSyncedAt,
      int syncFailures,
      boolean stale,
      String syncError,
      List<String> tags,
      String language)
      implements Serializable {}
}
