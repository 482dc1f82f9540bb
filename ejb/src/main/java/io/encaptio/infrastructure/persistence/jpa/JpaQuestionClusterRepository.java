package io.encaptio.infrastructure.persistence.jpa;

import static io.encaptio.infrastructure.persistence.jpa.JpaConversationRepository.time;

import io.encaptio.domain.ai.AnswerType;
import io.encaptio.domain.gap.QuestionCluster;
import io.encaptio.domain.gap.QuestionClusterRepository;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Native SQL throughout: the sums of embeddings are pgvector columns, and the counts per cluster
 * are aggregated from the questions when read (a question removed with its conversation leaves
 * every count right).
 */
@ApplicationScoped
public class JpaQuestionClusterRepository implements QuestionClusterRepository {

  @Inject TenantEntityManager entityManager;
  @Inject Tracer tracer;

  @Override
  public Optional<UUID> clusterOfQuestion(UUID capsuleId, String questionKey) {
    return rows(
            entityManager
                .current()
                .createNativeQuery(
                    "SELECT cluster_id FROM "
                        + entityManager.table("question_cluster_member")
                        + " WHERE capsule_id = ?1 AND question_key = ?2 ORDER BY asked_at DESC LIMIT 1")
                .setParameter(1, capsuleId)
                .setParameter(2, questionKey))
        .stream()
        .map(UUID.class::cast)
        .findFirst();
  }

  @Override
  public Optional<Nearest> nearest(
      UUID capsuleId, String model, float[] vector, Set<AnswerType> types) {
    Map<Integer, Object> values = new HashMap<>();
    values.put(1, JpaContentRepository.vectorLiteral(vector));
    values.put(2, capsuleId);
    values.put(3, model);
    values.put(4, types.stream().map(AnswerType::name).toArray(String[]::new));
    Connection connection = entityManager.current().unwrap(Connection.class);
    // The HNSW index gives the order; without a sort the planner cannot choose to read every
    // cluster of the capsule and sort them (its choice while the table has no statistics yet).
    // Both settings are the transaction's, and sorting is allowed again right after.
    List<Object[]> rows =
        PassageJdbc.query(
            tracer,
            connection,
            "SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true),"
                + " set_config('enable_sort', 'off', true);"
                + " SELECT id, 1 - distance FROM (SELECT id, vector_sum OPERATOR(public.<=>)"
                + " CAST(?1 AS public.vector) AS distance FROM "
                + entityManager.table("question_cluster")
                + " WHERE capsule_id = ?2 AND model = ?3 AND answer_type = ANY (CAST(?4 AS text[]))"
                + " ORDER BY distance LIMIT 1) nearest",
            values);
    PassageJdbc.query(tracer, connection, "SELECT set_config('enable_sort', 'on', true)", Map.of());
    return rows.stream()
        .map(r -> new Nearest((UUID) r[0], ((Number) r[1]).doubleValue()))
        .findFirst();
  }

  @Override
  public UUID start(
      UUID capsuleId,
      String model,
      float[] vector,
      AnswerType type,
      String label,
      OffsetDateTime at) {
    UUID id = UUID.randomUUID();
    entityManager
        .current()
        .createNativeQuery(
            "INSERT INTO "
                + entityManager.table("question_cluster")
                + " (id, capsule_id, model, vector_sum, size, answer_type, label, first_at,"
                + " last_at) VALUES (?1, ?2, ?3, CAST(?4 AS public.vector), 1, ?7, ?5, ?6, ?6)")
        .setParameter(1, id)
        .setParameter(2, capsuleId)
        .setParameter(3, model)
        .setParameter(4, JpaContentRepository.vectorLiteral(vector))
        .setParameter(5, label)
        .setParameter(6, at)
        .setParameter(7, type.name())
        .executeUpdate();
    return id;
  }

  @Override
  public boolean joined(UUID clusterId, float[] vector, boolean answered, OffsetDateTime at) {
    Query update =
        entityManager
            .current()
            .createNativeQuery(
                "UPDATE "
                    + entityManager.table("question_cluster")
                    + " SET last_at = greatest(last_at, ?1),"
                    + (vector == null
                        ? ""
                        : " size = size + 1,"
                            + " vector_sum = vector_sum OPERATOR(public.+) CAST(?4 AS public.vector),")
                    + " resolved_at = CASE WHEN answered_at IS NULL OR answered_at > ?1"
                    + " THEN resolved_at WHEN NOT ?2 THEN NULL"
                    + " WHEN EXISTS (SELECT 1 FROM "
                    + entityManager.table("content_item")
                    + " i WHERE i.id = faq_item_id AND i.stage = 'ready' AND i.indexed_at <= ?1)"
                    + " THEN coalesce(resolved_at, ?1) ELSE resolved_at END"
                    + " WHERE id = ?3")
            .setParameter(1, at)
            .setParameter(2, answered)
            .setParameter(3, clusterId);
    if (vector != null) {
      update.setParameter(4, JpaContentRepository.vectorLiteral(vector));
    }
    return update.executeUpdate() == 1;
  }

  @Override
  public long unansweredSince(UUID clusterId, OffsetDateTime since) {
    return ((Number)
            entityManager
                .current()
                .createNativeQuery(
                    "SELECT count(*) FROM "
                        + entityManager.table("question_cluster_member")
                        + " m JOIN "
                        + entityManager.table("question_cluster")
                        + " c ON c.id = m.cluster_id AND c.faq_item_id IS NULL"
                        + " AND c.dismissed_at IS NULL"
                        + " WHERE m.cluster_id = ?1 AND NOT m.answered AND m.asked_at >= ?2")
                .setParameter(1, clusterId)
                .setParameter(2, since)
                .getSingleResult())
        .longValue();
  }

  @Override
  public void add(Member member) {
    entityManager
        .current()
        .createNativeQuery(
            "INSERT INTO "
                + entityManager.table("question_cluster_member")
                + " (message_id, answer_id, cluster_id, capsule_id, question, question_key,"
                + " answered, asked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, member.messageId())
        .setParameter(2, member.answerId())
        .setParameter(3, member.clusterId())
        .setParameter(4, member.capsuleId())
        .setParameter(5, member.question())
        .setParameter(6, member.questionKey())
        .setParameter(7, member.answered())
        .setParameter(8, member.askedAt())
        .executeUpdate();
  }

  @Override
  public void feedback(UUID answerId, boolean disliked) {
    String clusters = entityManager.table("question_cluster");
    String members = entityManager.table("question_cluster_member");
    // the cluster's row first, then the member's: the order a merge takes them in
    query(
            "SELECT c.id FROM "
                + clusters
                + " c JOIN "
                + members
                + " m ON m.cluster_id = c.id WHERE m.answer_id = ?1 FOR UPDATE OF c",
            answerId)
        .getResultList();
    query(
            "WITH m AS (UPDATE "
                + members
                + " SET disliked = ?2 WHERE answer_id = ?1 RETURNING cluster_id, asked_at)"
                + " UPDATE "
                + clusters
                + " c SET resolved_at = NULL FROM m WHERE c.id = m.cluster_id AND ?2"
                + " AND c.answered_at IS NOT NULL AND m.asked_at >= c.answered_at",
            answerId,
            disliked)
        .executeUpdate();
  }

  @Override
  public List<QuestionCluster> clusters(
      UUID capsuleId, boolean gapsOnly, OffsetDateTime now, int max) {
    return read(
        "c.capsule_id = ?1",
        gapsOnly
            ? " AND c.dismissed_at IS NULL GROUP BY c.id HAVING count(m.message_id) FILTER"
                + " (WHERE NOT m.answered OR m.disliked) > 0"
            : " GROUP BY c.id",
        now,
        capsuleId,
        null,
        max);
  }

  @Override
  public Optional<QuestionCluster> cluster(UUID capsuleId, UUID clusterId, OffsetDateTime now) {
    return read("c.capsule_id = ?1 AND c.id = ?4", " GROUP BY c.id", now, capsuleId, clusterId, 1)
        .stream()
        .findFirst();
  }

  /** Clusters with their counts, those needing an editor first. */
  private List<QuestionCluster> read(
      String where, String grouping, OffsetDateTime now, UUID capsuleId, UUID clusterId, int max) {
    Query query =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT c.id, c.capsule_id, c.label, c.first_at, c.last_at,"
                    + " count(m.message_id),"
                    + " count(m.message_id) FILTER (WHERE NOT m.answered),"
                    + " count(m.message_id) FILTER (WHERE m.disliked),"
                    + " count(m.message_id) FILTER (WHERE m.answered AND NOT m.disliked),"
                    + " count(m.message_id) FILTER (WHERE m.asked_at > CAST(?2 AS timestamptz)"
                    + " - interval '7 days' AND m.asked_at <= CAST(?2 AS timestamptz)),"
                    + " count(m.message_id) FILTER (WHERE m.asked_at > CAST(?2 AS timestamptz)"
                    + " - interval '14 days'"
                    + " AND m.asked_at <= CAST(?2 AS timestamptz) - interval '7 days'),"
                    + " c.faq_item_id, c.answered_at, c.resolved_at, c.dismissed_at"
                    + " FROM "
                    + entityManager.table("question_cluster")
                    + " c LEFT JOIN "
                    + entityManager.table("question_cluster_member")
                    + " m ON m.cluster_id = c.id WHERE "
                    + where
                    + grouping
                    + " ORDER BY (c.dismissed_at IS NOT NULL), (c.resolved_at IS NOT NULL),"
                    + " (c.answered_at IS NOT NULL),"
                    + " count(m.message_id) FILTER (WHERE NOT m.answered OR m.disliked) DESC,"
                    + " c.last_at DESC, c.id LIMIT ?3")
            .setParameter(1, capsuleId)
            .setParameter(2, now)
            .setParameter(3, max);
    if (clusterId != null) {
      query.setParameter(4, clusterId);
    }
    List<?> rows = query.getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            r ->
                new QuestionCluster(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    time(r[3]),
                    time(r[4]),
                    count(r[5]),
                    count(r[6]),
                    count(r[7]),
                    count(r[8]),
                    count(r[9]),
                    count(r[10]),
                    (UUID) r[11],
                    r[12] == null ? null : time(r[12]),
                    r[13] == null ? null : time(r[13]),
                    r[14] == null ? null : time(r[14])))
        .toList();
  }

  @Override
  public List<Example> examples(UUID clusterId, int max) {
    return rows(
            entityManager
                .current()
                .createNativeQuery(
                    "SELECT question, answered, disliked, asked_at FROM "
                        + entityManager.table("question_cluster_member")
                        + " WHERE cluster_id = ?1 ORDER BY asked_at DESC, message_id LIMIT ?2")
                .setParameter(1, clusterId)
                .setParameter(2, max))
        .stream()
        .map(Object[].class::cast)
        .map(r -> new Example((String) r[0], (Boolean) r[1], (Boolean) r[2], time(r[3])))
        .toList();
  }

  @Override
  public boolean answered(UUID clusterId, UUID faqItemId, String by, OffsetDateTime at) {
    return entityManager
            .current()
            .createNativeQuery(
                "UPDATE "
                    + entityManager.table("question_cluster")
                    + " SET faq_item_id = ?2, answered_by = ?3, answered_at = ?4, resolved_at = NULL,"
                    + " dismissed_at = NULL WHERE id = ?1 AND faq_item_id IS NULL")
            .setParameter(1, clusterId)
            .setParameter(2, faqItemId)
            .setParameter(3, by)
            .setParameter(4, at)
            .executeUpdate()
        == 1;
  }

  @Override
  public void lockCapsule(UUID capsuleId) {
    entityManager
        .current()
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
        .setParameter(1, "question_cluster:" + capsuleId)
        .getSingleResult();
  }

  @Override
  public void relaxCommit() {
    entityManager
        .current()
        .createNativeQuery("SELECT set_config('synchronous_commit', 'off', true)")
        .getResultList();
  }

  @Override
  public void dismissed(UUID clusterId, OffsetDateTime at) {
    entityManager
        .current()
        .createNativeQuery(
            "UPDATE "
                + entityManager.table("question_cluster")
                + " SET dismissed_at = ?2 WHERE id = ?1")
        .setParameter(1, clusterId)
        .setParameter(2, at)
        .executeUpdate();
  }

  @Override
  public void merge(UUID from, UUID into) {
    String clusters = entityManager.table("question_cluster");
    // a visitor's question joining either cluster by its words holds the row until it commits:
    // wait for it, so its member is moved with the others (and a later one finds the cluster gone)
    query("SELECT id FROM " + clusters + " WHERE id IN (?1, ?2) ORDER BY id FOR UPDATE", from, into)
        .getResultList();
    query(
            "UPDATE "
                + clusters
                + " t SET vector_sum = t.vector_sum OPERATOR(public.+) f.vector_sum,"
                + " size = t.size + f.size, first_at = least(t.first_at, f.first_at),"
                + " last_at = greatest(t.last_at, f.last_at),"
                + " faq_item_id = coalesce(t.faq_item_id, f.faq_item_id),"
                + " answered_at = CASE WHEN t.faq_item_id IS NULL THEN f.answered_at"
                + " ELSE t.answered_at END,"
                + " answered_by = CASE WHEN t.faq_item_id IS NULL THEN f.answered_by"
                + " ELSE t.answered_by END,"
                + " resolved_at = CASE WHEN t.faq_item_id IS NULL THEN f.resolved_at"
                + " ELSE t.resolved_at END"
                + " FROM "
                + clusters
                + " f WHERE t.id = ?2 AND f.id = ?1",
            from,
            into)
        .executeUpdate();
    query(
            "UPDATE "
                + entityManager.table("question_cluster_member")
                + " SET cluster_id = ?2 WHERE cluster_id = ?1",
            from,
            into)
        .executeUpdate();
    query("DELETE FROM " + clusters + " WHERE id = ?1", from).executeUpdate();
  }

  /** A native statement of the current tenant with its parameters ?1, ?2 … in order. */
  private Query query(String sql, Object... values) {
    Query query = entityManager.current().createNativeQuery(sql);
    for (int i = 0; i < values.length; i++) {
      query.setParameter(i + 1, values[i]);
    }
    return query;
  }

  @Override
  public Optional<String> latestAnswer(UUID clusterId) {
    return rows(
            entityManager
                .current()
                .createNativeQuery(
                    "SELECT a.text FROM "
                        + entityManager.table("question_cluster_member")
                        + " m JOIN "
                        + entityManager.table("message")
                        + " a ON a.id = m.answer_id WHERE m.cluster_id = ?1 AND m.answered"
                        + " AND NOT m.disliked ORDER BY m.asked_at DESC LIMIT 1")
                .setParameter(1, clusterId))
        .stream()
        .map(String.class::cast)
        .findFirst();
  }

  @Override
  public List<Asked> mostAsked(
      Set<UUID> capsules, OffsetDateTime from, OffsetDateTime to, int max) {
    List<Asked> asked = new ArrayList<>();
    for (Object row :
        rows(
            query(
                "SELECT c.id, c.label, t.asked, t.unanswered FROM (SELECT m.cluster_id,"
                    + " count(*) AS asked, count(*) FILTER (WHERE NOT m.answered) AS unanswered"
                    + " FROM "
                    + entityManager.table("question_cluster_member")
                    + " m WHERE m.capsule_id = ANY (CAST(?1 AS uuid[])) AND m.asked_at >= ?2"
                    + " AND m.asked_at < ?3 GROUP BY m.cluster_id ORDER BY 2 DESC, 1 LIMIT ?4) t"
                    + " JOIN "
                    + entityManager.table("question_cluster")
                    + " c ON c.id = t.cluster_id ORDER BY t.asked DESC, c.label",
                JpaPassageIndex.uuidArray(capsules),
                from,
                to,
                max))) {
      Object[] values = (Object[]) row;
      asked.add(
          new Asked(
              (UUID) values[0],
              (String) values[1],
              ((Number) values[2]).longValue(),
              ((Number) values[3]).longValue()));
    }
    return asked;
  }

  private static List<?> rows(Query query) {
    return query.getResultList();
  }

  private static int count(Object value) {
    return ((Number) value).intValue();
  }
}
