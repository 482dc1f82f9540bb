package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.lead.Lead;
import io.encaptio.domain.lead.LeadRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  public Map<UUID, List<UUID>> conversationsByLead(UUID capsuleId) {
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT lc.lead_id, lc.conversation_id FROM "
                    + entityManager.table("lead_conversation")
                    + " lc JOIN "
                    + entityManager.table("lead")
                    + " l ON l.id = lc.lead_id WHERE l.capsule_id = ?1"
                    + " ORDER BY lc.submitted_at DESC")
            .setParameter(1, capsuleId)
            .getResultList();
    Map<UUID, List<UUID>> byLead = new HashMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      byLead.computeIfAbsent((UUID) columns[0], k -> new ArrayList<>()).add((UUID) columns[1]);
    }
    return byLead;
  }

  @Override
  public Optional<Lead> find(UUID id) {
    return Optional.ofNullable(entityManager.current().find(Lead.class, id));
  }
}
