package io.encaptio.domain.ai;

import java.util.Optional;

/**
 * Answers already given, by a key that names everything they depend on: the tenant, the capsule,
 * its published version, the generation of its index, the retrieval and model settings, and the
 * question in its normal form. A new version or any change of content makes new keys, so nothing
 * stale is served.
 */
public interface AnswerCache {

  Optional<CachedAnswer> get(String key);

  void put(String key, CachedAnswer answer);
}
