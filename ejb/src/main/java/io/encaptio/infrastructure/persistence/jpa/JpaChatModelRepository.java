package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.ai.ChatModelConfig;
import io.encaptio.domain.ai.ChatModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaChatModelRepository implements ChatModelRepository {

  @Inject TenantEntityManager entityManager;

  @Override
  public List<ChatModelConfig> all() {
    return entityManager
        .current()
        .createQuery("select m from ChatModelConfig m order by m.name", ChatModelConfig.class)
        .getResultList();
  }

  @Override
  public Optional<ChatModelConfig> find(UUID id) {
    return Optional.ofNullable(entityManager.current().find(ChatModelConfig.class, id));
  }

  @Override
  public void add(ChatModelConfig config) {
    entityManager.current().persist(config);
  }

  @Override
  public void remove(ChatModelConfig config) {
    entityManager.current().remove(config);
  }
}
