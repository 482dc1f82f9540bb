package io.encaptio.domain.ai;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenant's chat-model configurations. */
public interface ChatModelRepository {

  List<ChatModelConfig> all();

  Optional<ChatModelConfig> find(UUID id);

  void add(ChatModelConfig config);

  void remove(ChatModelConfig config);
}
