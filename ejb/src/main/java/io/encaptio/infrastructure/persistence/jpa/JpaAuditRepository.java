package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.audit.AuditEntry;
import io.encaptio.domain.audit.AuditQuery;
import io.encaptio.domain.audit.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

  @Inject TenantEntityManager entityManager;

  @Override
  public void append(AuditEntry entry) {
    entityManager.current().persist(entry);
  }

  @Override
  public List<AuditEntry> page(AuditQuery query, int first, int max) {
    return typed(
            "select a from AuditEntry a", query, " order by a.at desc, a.id desc", AuditEntry.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public long count(AuditQuery query) {
    return typed("select count(a) from AuditEntry a", query, "", Long.class).getSingleResult();
  }

  @Override
  public boolean exists(String action, String target) {
    return !entityManager
        .current()
        .createQuery(
            "select a.id from AuditEntry a where a.action = :action and a.target = :target",
            java.util.UUID.class)
        .setParameter("action", action)
        .setParameter("target", target)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private <T> TypedQuery<T> typed(String select, AuditQuery query, String order, Class<T> type) {
    List<String> where = new ArrayList<>();
    if (query.actorSubject() != null) {
      where.add("a.actorSubject = :actor");
    }
    if (query.action() != null) {
      where.add("a.action = :action");
    }
    if (query.capsuleId() != null) {
      where.add("a.capsuleId = :capsule");
    }
    if (query.from() != null) {
      where.add("a.at >= :from");
    }
    if (query.to() != null) {
      where.add("a.at < :to");
    }
    String jpql = select + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + order;
    TypedQuery<T> typed = entityManager.current().createQuery(jpql, type);
    if (query.actorSubject() != null) {
      typed.setParameter("actor", query.actorSubject());
    }
    if (query.action() != null) {
      typed.setParameter("action", query.action());
    }
    if (query.capsuleId() != null) {
      typed.setParameter("capsule", query.capsuleId().toString());
    }
    if (query.from() != null) {
      typed.setParameter("from", query.from());
    }
    if (query.to() != null) {
      typed.setParameter("to", query.to());
    }
    return typed;
  }
}
