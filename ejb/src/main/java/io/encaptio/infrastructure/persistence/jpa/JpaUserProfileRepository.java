package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.user.UserProfile;
import io.encaptio.domain.user.UserProfileRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

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
}
