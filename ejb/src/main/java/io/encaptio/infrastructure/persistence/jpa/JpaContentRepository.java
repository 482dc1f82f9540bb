package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.content.ChunkDraft;
import io.encaptio.domain.content.ContentItem;
import io.encaptio.domain.content.ContentRepository;
import io.encaptio.domain.content.StoredChunk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaContentRepository implements ContentRepository {

  /** Chunks per INSERT statement: one round trip per batch instead of one per chunk. */
  static final int INSERT_BATCH = 100;

  @Inject TenantEntityManager entityManager;

  @Override
  public void add(ContentItem item) {
    entityManager.current().persist(item);
  }

  @Override
  public void remove(ContentItem item) {
    // content_blob and chunk rows go with it (ON DELETE CASCADE)
    entityManager.current().remove(item);
  }

  @Override
  public Optional<ContentItem> find(UUID id) {
    return Optional.ofNullable(entityManager.current().find(ContentItem.class, id));
  }

  @Override
  public List<ContentItem> ofCapsule(UUID capsuleId) {
    return entityManager
        .current()
        .createQuery(
            "select i from ContentItem i where i.capsuleId = :capsule order by i.createdAt, i.id",
            ContentItem.class)
        .setParameter("capsule", capsuleId)
        .getResultList();
  }

  @Override
  public int countOfCapsule(UUID capsuleId) {
    return entityManager
        .current()
        .createQuery("select count(i) from ContentItem i where i.capsuleId = :capsule", Long.class)
        .setParameter("capsule", capsuleId)
        .getSingleResult()
        .intValue();
  }

  @Override
  public Map<UUID, Integer> countsOfCapsules(Collection<UUID> capsuleIds) {
    if (capsuleIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Integer> counts = new HashMap<>();
    entityManager
        .current()
        .createQuery(
            "select i.capsuleId, count(i) from ContentItem i where i.capsuleId in :capsules"
                + " group by i.capsuleId",
            Object[].class)
        .setParameter("capsules", capsuleIds)
        .getResultList()
        .forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).intValue()));
    return counts;
  }

  @Override
  public long storedBytes() {
    Object sum =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT coalesce(sum(coalesce(i.size_bytes, 0) + length(i.body)), 0) FROM "
                    + entityManager.table("content_item")
                    + " i JOIN "
                    + entityManager.table("capsule")
                    + " c ON c.id = i.capsule_id WHERE c.status <> 'deleted'")
            .getSingleResult();
    return ((Number) sum).longValue();
  }

  @Override
  public Optional<ContentItem> withUrl(UUID capsuleId, String url) {
    return entityManager
        .current()
        .createQuery(
            "select i from ContentItem i where i.capsuleId = :capsule and i.sourceUrl = :url",
            ContentItem.class)
        .setParameter("capsule", capsuleId)
        .setParameter("url", url)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ContentItem> fileWithHash(UUID capsuleId, String sha256) {
    return entityManager
        .current()
        .createQuery(
            "select i from ContentItem i where i.capsuleId = :capsule and i.sha256 = :hash",
            ContentItem.class)
        .setParameter("capsule", capsuleId)
        .setParameter("hash", sha256)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void addBlob(UUID itemId, byte[] bytes) {
    EntityManager em = entityManager.current();
    em.flush(); // the item row first: the blob refers to it
    em.createNativeQuery(
            "INSERT INTO "
                + entityManager.table("content_blob")
                + " (content_item_id, bytes) VALUES (?, ?)")
        .setParameter(1, itemId)
        .setParameter(2, bytes)
        .executeUpdate();
  }

  @Override
  public byte[] blob(UUID itemId) {
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT bytes FROM "
                    + entityManager.table("content_blob")
                    + " WHERE content_item_id = ?")
            .setParameter(1, itemId)
            .getResultList();
    return rows.isEmpty() ? null : (byte[]) rows.get(0);
  }

  @Override
  public void replaceChunks(
      UUID itemId,
      UUID capsuleId,
      List<ChunkDraft> chunks,
      List<float[]> vectors,
      List<byte[]> sentenceVectors,
      String model,
      String language) {
    removeChunks(itemId);
    EntityManager em = entityManager.current();
    for (int from = 0; from < chunks.size(); from += INSERT_BATCH) {
      int to = Math.min(chunks.size(), from + INSERT_BATCH);
      StringBuilder insert =
          new StringBuilder("INSERT INTO ")
              .append(entityManager.table("chunk"))
              .append(
                  " (id, content_item_id, capsule_id, ordinal, text, heading_path, page, position,"
                      + " model, embedding, sentence_vectors, text_search) VALUES ");
      for (int i = from; i < to; i++) {
        insert
            .append(i == from ? "" : ", ")
            .append(
                "(?, ?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, -1), NULLIF(?, ''), ?,"
                    + " CAST(? AS public.vector), ?, "
                    + entityManager.table("text_search_of")
                    + "(?))");
      }
      Query statement = em.createNativeQuery(insert.toString());
      int parameter = 1;
      for (int i = from; i < to; i++) {
        ChunkDraft chunk = chunks.get(i);
        statement
            .setParameter(parameter++, UUID.randomUUID())
            .setParameter(parameter++, itemId)
            .setParameter(parameter++, capsuleId)
            .setParameter(parameter++, chunk.ordinal())
            .setParameter(parameter++, chunk.text())
            .setParameter(parameter++, chunk.headingPath() == null ? "" : chunk.headingPath())
            .setParameter(parameter++, chunk.page() == null ? -1 : chunk.page())
            .setParameter(parameter++, chunk.position() == null ? "" : chunk.position())
            .setParameter(parameter++, model)
            .setParameter(parameter++, vectorLiteral(vectors.get(i)))
            .setParameter(parameter++, sentenceVectors.get(i))
            .setParameter(parameter++, language == null ? "en" : language);
      }
      statement.executeUpdate();
    }
  }

  @Override
  public boolean analyzeAfter(int changedChunks) {
    EntityManager em = entityManager.current();
    String chunk = entityManager.table("chunk");
    double counted =
        ((Number)
                em.createNativeQuery(
                        "SELECT reltuples FROM pg_class WHERE oid = CAST(? AS regclass)")
                    .setParameter(1, chunk)
                    .getSingleResult())
            .doubleValue();
    if (counted >= 0 && changedChunks <= 50 + 0.1 * counted) {
      return false;
    }
    em.createNativeQuery(
            "ANALYZE "
                + chunk
                + ", "
                + entityManager.table("chunk_term")
                + ", "
                + entityManager.table("keyword_term"))
        .executeUpdate();
    return true;
  }

  private void removeChunks(UUID itemId) {
    entityManager
        .current()
        .createNativeQuery(
            "DELETE FROM " + entityManager.table("chunk") + " WHERE content_item_id = ?")
        .setParameter(1, itemId)
        .executeUpdate();
  }

  @Override
  public List<StoredChunk> chunks(UUID itemId) {
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT ordinal, text, heading_path, page, position, model FROM "
                    + entityManager.table("chunk")
                    + " WHERE content_item_id = ? ORDER BY ordinal")
            .setParameter(1, itemId)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row ->
                new StoredChunk(
                    ((Number) row[0]).intValue(),
                    (String) row[1],
                    (String) row[2],
                    row[3] == null ? null : ((Number) row[3]).intValue(),
                    (String) row[4],
                    (String) row[5]))
        .toList();
  }

  /** pgvector's text form: [0.1,0.2,...]. */
  static String vectorLiteral(float[] vector) {
    StringBuilder text = new StringBuilder(vector.length * 10).append('[');
    for (int i = 0; i < vector.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(vector[i]);
    }
    return text.append(']').toString();
  }
}
