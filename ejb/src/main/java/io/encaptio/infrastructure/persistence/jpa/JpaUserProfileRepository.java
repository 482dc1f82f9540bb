package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.user.Role;
import io.encaptio.domain.user.UserProfile;
import io.encaptio.domain.user.UserProfileRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class JpaUserProfileRepository implements UserProfileRepository {

  @Inject TenantEntityManager entityManager;

  @Override
  public Optional<UserProfile> find(String subject) {
    return Optional.ofNullable(entityManager.current().find(UserProfile.class, subject));
  }

  @Override
  public List<UserProfile> all() {
    return entityManager
        .current()
        .createQuery("select p from UserProfile p order by p.username", UserProfile.class)
        .getResultList();
  }

  @Override
  public long count() {
    return entityManager
        .current()
        .createQuery("select count(p) from UserProfile p", Long.class)
        .getSingleResult();
  }

  @Override
  public void add(UserProfile profile) {
    entityManager.current().persist(profile);
  }

  @Override
  public Optional<UserProfile> findByEmail(String email) {
    return entityManager
        .current()
        .createQuery("select p from UserProfile p where lower(p.email) = :email", UserProfile.class)
        .setParameter("email", email.strip().toLowerCase(java.util.Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  @Override
  public void flush() {
    entityManager.current().flush();
  }

  @Override
  public void remove(UserProfile profile) {
    entityManager.current().remove(profile);
  }

  @Override
  public long countActiveWithRole(Role role) {
    return entityManager
        .current()
        .createQuery(
            "select p from UserProfile p where p.role = :role and p.status = 'active'",
            UserProfile.class)
        .setParameter("role", role.label())
        .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .size();
  }

  @Override
  public long seatsTaken() {
    return entityManager
        .current()
        .createQuery(
            "select count(p) from UserProfile p where p.status in ('invited', 'active')",
            Long.class)
        .getSingleResult();
  }

  @Override
  public List<UserProfile> members() {
    return entityManager
        .current()
        .createQuery(
            "select p from UserProfile p where p.status <> 'removed' order by p.username",
            UserProfile.class)
        .getResultList();
  }

  @Override
  public Set<UUID> teamsOf(String subject) {
    List<?> rows =
        entityManager
            .current()
            .createNativeQuery(
                "SELECT team_id FROM " + entityManager.table("team_member") + " WHERE subject = ?1")
            .setParameter(1, subject)
            .getResultList();
    Set<UUID> teams = new HashSet<>();
    rows.forEach(r -> teams.add((UUID) r));
    return teams;
  }
}
