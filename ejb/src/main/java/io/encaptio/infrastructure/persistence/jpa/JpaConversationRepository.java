package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.ai.Conversation;
import io.encaptio.domain.ai.ConversationRepository;
import io.encaptio.domain.ai.Message;
import io.encaptio.domain.ai.VariantFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
