package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.ai.Conversation;
import io.encaptio.domain.ai.ConversationRepository;
import io.encaptio.domain.ai.ConversationSummary;
import io.encaptio.domain.ai.Message;
import io.encaptio.domain.ai.VariantFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaConversationRepository implements ConversationRepository {

  @Inject TenantEntityManager entityManager;

  @Override
  public void add(Conversation conversation) {
    entityManager.current().persist(conversation);
  }

  @Override
  public Optional<Conversation> find(UUID id) {
    return Optional.ofNullable(entityManager.current().find(Conversation.class, id));
  }

  @Override
  public void add(Message message) {
    entityManager.current().persist(message);
  }

  @Override
  public List<Message> messages(UUID conversationId) {
    return entityManager
        .current()
        .createQuery(
            "select m from Message m where m.conversationId = :conversation order by m.ordinal",
            Message.class)
        .setParameter("conversation", conversationId)
        .getResultList();
  }

  @Override
  public List<ConversationSummary> summaries(
      UUID capsuleId, int max, boolean unansweredOnly, UUID only) {
    var query =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT c.id, c.channel, c.started_by, c.origin, c.started_at, c.last_at,"
                    + " m.questions, u.unanswered, m.up, m.down, l.lead_id FROM "
                    + entityManager.table("conversation")
                    + " c CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE role = 'visitor')"
                    + " AS questions, count(*) FILTER (WHERE feedback = 1) AS up,"
                    + " count(*) FILTER (WHERE feedback = -1) AS down FROM "
                    + entityManager.table("message")
                    + " WHERE conversation_id = c.id) m"
                    + " CROSS JOIN LATERAL (SELECT count(*) AS unanswered FROM "
                    + entityManager.table("analytics_event")
                    + " WHERE conversation_id = c.id AND kind = 'unanswered') u"
                    + " LEFT JOIN LATERAL (SELECT lead_id FROM "
                    + entityManager.table("lead_conversation")
                    + " WHERE conversation_id = c.id ORDER BY submitted_at DESC LIMIT 1) l ON true"
                    + " WHERE c.capsule_id = ?1 AND c.channel <> 'playground'"
                    + (only == null ? "" : " AND c.id = ?3")
                    + (unansweredOnly ? " AND u.unanswered > 0" : "")
                    + " ORDER BY c.last_at DESC, c.id LIMIT ?2")
            .setParameter(1, capsuleId)
            .setParameter(2, max);
    if (only != null) {
      query.setParameter(3, only);
    }
    List<?> rows = query.getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            r ->
                new ConversationSummary(
                    (UUID) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    time(r[4]),
                    time(r[5]),
                    ((Number) r[6]).intValue(),
                    ((Number) r[7]).intValue(),
                    ((Number) r[8]).intValue(),
                    ((Number) r[9]).intValue(),
                    (UUID) r[10]))
        .toList();
  }

  static OffsetDateTime time(Object value) {
    return value instanceof Timestamp t
        ? t.toInstant().atOffset(ZoneOffset.UTC)
        : ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
  }

  @Override
  public List<VariantFigures> variants(UUID capsuleId) {
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT coalesce(m.variant, 'a'), count(*),"
                    + " count(*) FILTER (WHERE m.outcome IN ('answered', 'hedged')),"
                    + " count(m.feedback), count(*) FILTER (WHERE m.feedback = 1),"
                    + " percentile_disc(0.5) WITHIN GROUP (ORDER BY m.latency_ms),"
                    + " percentile_disc(0.95) WITHIN GROUP (ORDER BY m.latency_ms),"
                    + " coalesce(sum(m.cost_micros), 0) FROM "
                    + entityManager.table("message")
                    + " m JOIN "
                    + entityManager.table("conversation")
                    + " c ON c.id = m.conversation_id WHERE c.capsule_id = ?"
                    + " AND m.role = 'assistant' AND m.outcome IN ('answered', 'hedged', 'refused')"
                    + " GROUP BY 1 ORDER BY 1")
            .setParameter(1, capsuleId)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            r ->
                new VariantFigures(
                    r[0].toString().strip(),
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(),
                    r[5] == null ? null : ((Number) r[5]).intValue(),
                    r[6] == null ? null : ((Number) r[6]).intValue(),
                    ((Number) r[7]).longValue()))
        .toList();
  }

  @Override
  public Optional<Message> message(UUID id) {
    return Optional.ofNullable(entityManager.current().find(Message.class, id));
  }
}
