package io.encaptio.infrastructure.persistence.jpa;

import java.util.function.UnaryOperator;

/**
 * The statements of retrieval, given the tenant's table names ({@code table} maps "chunk" to its
 * schema-qualified name). Kept apart from {@link JpaPassageIndex} so the retrieval benchmark can
 * run exactly these statements from psql beside the product. Parameters are numbered ({@code ?1} …)
 * as EclipseLink binds them.
 */
public final class PassageSql {

  /**
   * ?{@code parameter}: the HNSW candidate list (ef_search); iterative scans fill k after
   * filtering. For the rest of the transaction, statements are planned for their actual values (as
   * psql's are), not by a generic plan: one capsule of a tenant can hold most of its chunks and
   * another a few. The parameter's number is the caller's, so the statement can go to PostgreSQL
   * together with another one's parameters.
   */
  public static String searchWidth(int parameter) {
    return "SELECT set_config('hnsw.ef_search', ?"
        + parameter
        + ", true),"
        + " set_config('hnsw.iterative_scan', 'relaxed_order', true),"
        + " set_config('plan_cache_mode', 'force_custom_plan', true)";
  }

  private PassageSql() {}

  /** ?1 vector, ?2 capsule, ?3 model, ?4 k, ?5 item ids (when filtered): id and similarity. */
  public static String nearest(UnaryOperator<String> table, boolean filtered) {
    return "SELECT id, 1 - distance FROM (SELECT id, embedding OPERATOR(public.<=>)"
        + " CAST(?1 AS public.vector) AS distance FROM "
        + table.apply("chunk")
        + " WHERE capsule_id = ?2 AND model = ?3"
        + (filtered ? " AND content_item_id IN (SELECT unnest(CAST(?5 AS uuid[])))" : "")
        + " ORDER BY distance LIMIT ?4) nearest ORDER BY distance, id";
  }

  /**
   * ?1 capsule, ?2 question, ?3 postings per term, ?4 k, ?5 item ids (when filtered): chunk id and
   * BM25 score. The question is stemmed with the text search configuration of the capsule's latest
   * indexed chunks (its language's).
   */
  public static String keywords(UnaryOperator<String> table, boolean filtered) {
    return "WITH stats AS (SELECT chunks, CAST(terms AS float8) / greatest(chunks, 1) AS average,"
        + " text_search FROM "
        + table.apply("keyword_stats")
        + " WHERE capsule_id = ?1 AND chunks > 0),"
        + " words AS MATERIALIZED (SELECT DISTINCT lexeme"
        + " FROM stats, unnest(to_tsvector(stats.text_search, ?2))),"
        + " terms AS MATERIALIZED (SELECT k.term,"
        + " ln(1 + (CAST(stats.chunks - k.chunks AS float8) + 0.5) / (k.chunks + 0.5)) AS idf"
        + " FROM words JOIN "
        + table.apply("keyword_term")
        + " k ON k.capsule_id = ?1 AND k.term = words.lexeme, stats WHERE k.chunks > 0),"
        + " scored AS (SELECT p.chunk_id, sum(terms.idf * p.tf * CAST(2.2 AS float8) / (p.tf"
        + " + CAST(1.2 AS float8) * (0.25 + p.term_count / stats.average * 0.75))) AS score"
        + " FROM terms CROSS JOIN stats CROSS JOIN LATERAL (SELECT chunk_id, tf, term_count FROM "
        + table.apply("chunk_term")
        + " t WHERE t.capsule_id = ?1 AND t.term = terms.term ORDER BY t.impact DESC LIMIT ?3) p"
        + " GROUP BY p.chunk_id)"
        + (filtered
            ? " SELECT s.chunk_id, s.score FROM scored s JOIN "
                + table.apply("chunk")
                + " c ON c.id = s.chunk_id"
                + " AND c.content_item_id IN (SELECT unnest(CAST(?5 AS uuid[])))"
            : " SELECT s.chunk_id, s.score FROM scored s")
        + " ORDER BY 2 DESC, 1 LIMIT ?4";
  }

  /**
   * ?1 capsule, ?2 chunk ids: the passages with their item's title and their sentences' vectors.
   * Each id is looked up by the primary key (the lateral subquery keeps the planner from scanning
   * the capsule instead when its statistics are stale, as they are for a capsule just filled), then
   * checked for the capsule.
   */
  public static String passages(UnaryOperator<String> table) {
    return "WITH wanted AS MATERIALIZED (SELECT DISTINCT unnest(CAST(?2 AS uuid[])) AS id)"
        + " SELECT c.id, c.content_item_id, i.title, c.text, c.heading_path, c.page,"
        + " c.position, c.model, c.sentence_vectors FROM wanted CROSS JOIN LATERAL (SELECT * FROM "
        + table.apply("chunk")
        + " WHERE id = wanted.id OFFSET 0) c JOIN "
        + table.apply("content_item")
        + " i ON i.id = c.content_item_id"
        + " WHERE c.capsule_id = ?1";
  }
}
