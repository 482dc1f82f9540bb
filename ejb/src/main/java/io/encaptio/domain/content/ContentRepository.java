package io.encaptio.domain.content;

import java.util.List;
import java.util.UUID;

/** The current tenant's content items. Callers provide the transaction. */
public interface ContentRepository {

  void add(ContentItem item);

  /** The capsule's items, oldest first. */
  List<ContentItem> ofCapsule(UUID capsuleId);

  int countOfCapsule(UUID capsuleId);
}
