package io.encaptio.domain.ai;

import java.util.List;
import java.util.UUID;

/** Limits retrieval to some of a capsule's content items (empty: all of them). */
public record PassageFilter(List<UUID> itemIds) {

  public static final PassageFilter NONE = new PassageFilter(List.of());

  public PassageFilter {
    itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
  }

  public boolean any() {
    return !itemIds.isEmpty();
  }
}
