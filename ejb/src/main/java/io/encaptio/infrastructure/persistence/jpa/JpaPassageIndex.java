package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.ai.Hit;
import io.encaptio.domain.ai.Passage;
import io.encaptio.domain.ai.PassageFilter;
import io.encaptio.domain.ai.PassageIndex;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Retrieval in SQL over the tenant's chunk tables (tenant migrations V3 and V7): pgvector's HNSW
 * index for the vector stage, and BM25 over the keyword postings the chunk triggers keep. Every
 * statement is bound to one capsule. The statements of a search run as plain JDBC on the
 * transaction's connection ({@link PassageJdbc}), the search width set in the same round trip as
 * the vector stage.
 */
@ApplicationScoped
public class JpaPassageIndex implements PassageIndex {

  @Inject TenantEntityManager entityManager;
  @Inject Tracer tracer;

  @Override
  public Map<String, Integer> models(UUID capsuleId) {
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT model, chunks FROM "
                    + entityManager.table("capsule_model_chunks")
                    + " WHERE capsule_id = ? AND chunks > 0 ORDER BY chunks DESC, model")
            .setParameter(1, capsuleId)
            .getResultList();
    Map<String, Integer> models = new LinkedHashMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      models.put((String) columns[0], ((Number) columns[1]).intValue());
    }
    return models;
  }

  /**
   * Iterative index scans (pgvector 0.8) keep reading the HNSW graph until {@code k} rows pass the
   * capsule and model conditions, so a small capsule in a large tenant still gets its k chunks.
   */
  @Override
  public List<Hit> nearest(
      UUID capsuleId, String model, float[] vector, int k, int searchWidth, PassageFilter filter) {
    Map<Integer, Object> values = new HashMap<>();
    values.put(1, JpaContentRepository.vectorLiteral(vector));
    values.put(2, capsuleId);
    values.put(3, model);
    values.put(4, k);
    if (filter.any()) {
      values.put(5, uuidArray(filter.itemIds()));
    }
    values.put(6, Integer.toString(Math.max(searchWidth, k)));
    return hits(
        PassageJdbc.query(
            tracer,
            connection(),
            PassageSql.searchWidth(6)
                + "; "
                + PassageSql.nearest(entityManager::table, filter.any()),
            values));
  }

  /**
   * BM25 (k1 1.2, b 0.75, Lucene's idf) over the capsule's postings: the question's lexemes (the
   * same English configuration as the chunks), for each the {@code postingsPerTerm} postings of
   * highest impact through the (capsule, term, impact) index, scored with the capsule's current
   * chunk count and average length, summed per chunk (in float8 throughout: numeric arithmetic made
   * the sum several times slower). A filter is applied to the candidates, so a filtered search
   * reads the same postings and keeps what passes.
   */
  @Override
  public List<Hit> keywords(
      UUID capsuleId, String query, int k, int postingsPerTerm, PassageFilter filter) {
    Map<Integer, Object> values = new HashMap<>();
    values.put(1, capsuleId);
    values.put(2, query);
    values.put(3, postingsPerTerm);
    values.put(4, k);
    if (filter.any()) {
      values.put(5, uuidArray(filter.itemIds()));
    }
    return hits(
        PassageJdbc.query(
            tracer, connection(), PassageSql.keywords(entityManager::table, filter.any()), values));
  }

  @Override
  public long generation(UUID capsuleId) {
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT generation FROM "
                    + entityManager.table("keyword_stats")
                    + " WHERE capsule_id = ?")
            .setParameter(1, capsuleId)
            .getResultList();
    return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
  }

  @Override
  public List<Passage> passages(UUID capsuleId, Collection<UUID> chunkIds) {
    if (chunkIds.isEmpty()) {
      return List.of();
    }
    List<Object[]> rows =
        PassageJdbc.query(
            tracer,
            connection(),
            PassageSql.passages(entityManager::table),
            Map.of(1, capsuleId, 2, uuidArray(chunkIds)));
    return rows.stream()
        .map(
            row ->
                new Passage(
                    (UUID) row[0],
                    (UUID) row[1],
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    row[5] == null ? null : ((Number) row[5]).intValue(),
                    (String) row[6],
                    (String) row[7],
                    (byte[]) row[8]))
        .toList();
  }

  /**
   * The connection of the current transaction (EclipseLink holds it for the transaction): the
   * retrieval statements run on it as plain JDBC, without the ORM's per-query work.
   */
  private Connection connection() {
    return entityManager.current().unwrap(Connection.class);
  }

  private static List<Hit> hits(List<Object[]> rows) {
    return rows.stream()
        .map(row -> new Hit((UUID) row[0], ((Number) row[1]).doubleValue()))
        .toList();
  }

  /** PostgreSQL's array literal of UUIDs (their text form needs no quoting). */
  static String uuidArray(Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
  }
}
