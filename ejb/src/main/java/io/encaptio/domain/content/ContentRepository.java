package io.encaptio.domain.content;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's content items, their files and chunks. Callers provide the transaction. */
public interface ContentRepository {

  void add(ContentItem item);

  Optional<ContentItem> find(UUID id);

  /** Removes the item with its file and chunks. */
  void remove(ContentItem item);

  /** The capsule's items, oldest first. */
  List<ContentItem> ofCapsule(UUID capsuleId);

  int countOfCapsule(UUID capsuleId);

  /**
   * What the tenant's content takes: the bytes of its files and the characters of its texts, in
   * capsules not deleted (a deleted capsule's content no longer counts, though kept until purged).
   */
  long storedBytes();

  /** How many items each of the capsules has, in one query (capsules without any are absent). */
  Map<UUID, Integer> countsOfCapsules(Collection<UUID> capsuleIds);

  /** Whether the capsule already has a file with these bytes (by SHA-256). */
  Optional<ContentItem> fileWithHash(UUID capsuleId, String sha256);

  /** The capsule's URL source with this (normalised) address, if it has one. */
  Optional<ContentItem> withUrl(UUID capsuleId, String url);

  void addBlob(UUID itemId, byte[] bytes);

  byte[] blob(UUID itemId);

  /**
   * The item's chunks become exactly these (earlier ones are removed), so indexing the same item
   * twice leaves one set; {@code sentenceVectors} holds each chunk's sentences' embeddings, packed
   * (an entry may be null); {@code language} (ISO 639-1) chooses the keyword index's stemmer.
   */
  void replaceChunks(
      UUID itemId,
      UUID capsuleId,
      List<ChunkDraft> chunks,
      List<float[]> vectors,
      List<byte[]> sentenceVectors,
      String model,
      String language);

  /**
   * Gathers the planner's statistics of the chunks and their keyword postings when {@code
   * changedChunks} (just written or removed) are many against what the statistics last counted
   * (never counted, or more than 50 plus a tenth: autovacuum's own analyze rule), so that searching
   * after a large ingestion uses the indexes at once, whether or not the server analyzes by itself.
   *
   * @return whether the statistics were gathered
   */
  boolean analyzeAfter(int changedChunks);

  /** The chunks of an item, in order. */
  List<StoredChunk> chunks(UUID itemId);
}
