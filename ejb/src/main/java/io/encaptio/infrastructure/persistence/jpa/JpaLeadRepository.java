package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.lead.Lead;
import io.encaptio.domain.lead.LeadRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaLeadRepository implements LeadRepository {

  @Inject TenantEntityManager entityManager;

  @Override
  public void add(Lead lead) {
    entityManager.current().persist(lead);
  }

  @Override
  public Optional<Lead> find(UUID capsuleId, String email, String phone) {
    var query =
        email != null
            ? entityManager
                .current()
                .createQuery(
                    "select l from Lead l where l.capsuleId = :capsule and l.email = :email",
                    Lead.class)
                .setParameter("email", email)
            : entityManager
                .current()
                .createQuery(
                    "select l from Lead l where l.capsuleId = :capsule and l.email is null"
                        + " and l.phone = :phone",
                    Lead.class)
                .setParameter("phone", phone);
    return query.setParameter("capsule", capsuleId).getResultStream().findFirst();
  }

  @Override
  public void linkConversation(UUID leadId, UUID conversationId) {
    entityManager
        .current()
        .createNativeQuery(
            "INSERT INTO "
                + entityManager.table("lead_conversation")
                + " (lead_id, conversation_id, submitted_at) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (lead_id, conversation_id)"
                + " DO UPDATE SET submitted_at = EXCLUDED.submitted_at")
        .setParameter(1, leadId)
        .setParameter(2, conversationId)
        .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
        .executeUpdate();
  }

  @Override
  public List<Lead> ofCapsule(UUID capsuleId, int max) {
    return entityManager
        .current()
        .createQuery(
            "select l from Lead l where l.capsuleId = :capsule order by l.lastAt desc, l.id",
            Lead.class)
        .setParameter("capsule", capsuleId)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public List<UUID> conversationsOf(UUID leadId) {
    return entityManager
        .current()
        .createNativeQuery(
            "SELECT conversation_id FROM "
                + entityManager.table("lead_conversation")
                + " WHERE lead_id = ?1 ORDER BY submitted_at DESC")
        .setParameter(1, leadId)
        .getResultList()
        .stream()
        .map(UUID.class::cast)
        .toList();
  }

  @Override
  public Optional<Lead> ofConversation(UUID conversationId) {
    List<?> ids =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT lead_id FROM "
                    + entityManager.table("lead_conversation")
                    + " WHERE conversation_id = ?1 ORDER BY submitted_at DESC LIMIT 1")
            .setParameter(1, conversationId)
            .getResultList();
    return ids.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(entityManager.current().find(Lead.class, ids.get(0)));
  }
}
