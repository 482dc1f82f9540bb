package io.encaptio.tenancy.infrastructure.persistence;

import io.encaptio.tenancy.domain.ShareSlugRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaShareSlugRepository implements ShareSlugRepository {

  @PersistenceContext(unitName = "platform")
  EntityManager em;

  @Override
  public boolean addIfFree(String slug, String publicKey) {
    return em.createNativeQuery(
                "INSERT INTO platform.share_slugs (slug, public_key) VALUES (?1, ?2)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, slug)
            .setParameter(2, publicKey)
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<String> slugOfKey(String publicKey) {
    return first("SELECT slug FROM platform.share_slugs WHERE public_key = ?1", publicKey);
  }

  @Override
  public Optional<String> keyOfSlug(String slug) {
    return first("SELECT public_key FROM platform.share_slugs WHERE slug = ?1", slug);
  }

  private Optional<String> first(String sql, String value) {
    List<?> rows = em.createNativeQuery(sql).setParameter(1, value).getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
  }
}
