package io.encaptio.tenancy.domain;

import java.util.Optional;

/** Share slugs in the platform schema. Callers provide the transaction. */
public interface ShareSlugRepository {

  /** Adds the slug for the key unless the slug is taken; whether it was added. */
  boolean addIfFree(String slug, String publicKey);

  Optional<String> slugOfKey(String publicKey);

  Optional<String> keyOfSlug(String slug);
}
