package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.user.Team;
import io.encaptio.domain.user.TeamRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@ApplicationScoped
public class JpaTeamRepository implements TeamRepository {

  @Inject TenantEntityManager entityManager;

  @Override
  public List<Team> all() {
    return entityManager
        .current()
        .createQuery("select t from Team t order by t.name", Team.class)
        .getResultList();
  }

  @Override
  public Optional<Team> find(UUID id) {
    return Optional.ofNullable(entityManager.current().find(Team.class, id));
  }

  @Override
  public Optional<Team> findByName(String name) {
    return entityManager
        .current()
        .createQuery("select t from Team t where lower(t.name) = :name", Team.class)
        .setParameter("name", name.strip().toLowerCase(java.util.Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(Team team) {
    entityManager.current().persist(team);
  }

  @Override
  public void remove(Team team) {
    entityManager.current().remove(team);
    entityManager.current().flush();
  }

  @Override
  public Set<String> members(UUID teamId) {
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT subject FROM " + entityManager.table("team_member") + " WHERE team_id = ?1")
            .setParameter(1, teamId)
            .getResultList();
    Set<String> subjects = new TreeSet<>();
    rows.forEach(r -> subjects.add((String) r));
    return subjects;
  }

  @Override
  public void replaceMembers(UUID teamId, Set<String> subjects) {
    entityManager.current().flush();
    entityManager
        .current()
        .createNativeQuery(
            "DELETE FROM " + entityManager.table("team_member") + " WHERE team_id = ?1")
        .setParameter(1, teamId)
        .executeUpdate();
    for (String subject : subjects) {
      entityManager
          .current()
          .createNativeQuery(
              "INSERT INTO "
                  + entityManager.table("team_member")
                  + " (team_id, subject) VALUES (?1, ?2)")
          .setParameter(1, teamId)
          .setParameter(2, subject)
          .executeUpdate();
    }
  }

  @Override
  public java.util.Map<String, Set<UUID>> teamsByMember() {
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery("SELECT subject, team_id FROM " + entityManager.table("team_member"))
            .getResultList();
    java.util.Map<String, Set<UUID>> teams = new java.util.HashMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      teams
          .computeIfAbsent((String) columns[0], s -> new java.util.HashSet<>())
          .add((UUID) columns[1]);
    }
    return teams;
  }

  @Override
  public void removeFromAll(String subject) {
    entityManager.current().flush();
    entityManager
        .current()
        .createNativeQuery(
            "DELETE FROM " + entityManager.table("team_member") + " WHERE subject = ?1")
        .setParameter(1, subject)
        .executeUpdate();
  }

  @Override
  public long capsuleCount(UUID teamId) {
    Object count =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT count(*) FROM "
                    + entityManager.table("capsule")
                    + " WHERE team_id = ?1 AND status <> 'deleted'")
            .setParameter(1, teamId)
            .getSingleResult();
    return ((Number) count).longValue();
  }

  @Override
  public Optional<UUID> teamOfCapsule(UUID capsuleId) {
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT team_id FROM "
                    + entityManager.table("capsule")
                    + " WHERE id = ?1 AND team_id IS NOT NULL")
            .setParameter(1, capsuleId)
            .getResultList();
    return rows.stream().map(UUID.class::cast).findFirst();
  }

  @Override
  public void assignCapsule(UUID capsuleId, UUID teamId) {
    entityManager.current().flush();
    entityManager
        .current()
        .createNativeQuery(
            "UPDATE " + entityManager.table("capsule") + " SET team_id = ?1 WHERE id = ?2")
        .setParameter(1, teamId)
        .setParameter(2, capsuleId)
        .executeUpdate();
  }
}
