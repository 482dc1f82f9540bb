package io.encaptio.tenancy.application;

import io.encaptio.tenancy.domain.ShareSlug;
import io.encaptio.tenancy.domain.ShareSlugRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * Share pages' readable addresses ({@code platform.share_slugs}): one per public key, made from the
 * capsule's name the first time it is asked for and kept after that (a rename keeps it, so printed
 * links and QR codes go on working); taken names get -2 … -9, then a random suffix.
 */
@ApplicationScoped
public class ShareSlugRegistry {

  private static final int ATTEMPTS = 12;

  @Inject ShareSlugRepository slugs;
  @Inject PublicKeyRegistry keys;

  /** The slug of the current tenant's resource, made from {@code name} at the first call. */
  @Transactional(Transactional.TxType.REQUIRED)
  public String slugFor(UUID resourceId, String name) {
    String key = keys.keyFor(resourceId);
    Optional<String> existing = slugs.slugOfKey(key);
    if (existing.isPresent()) {
      return existing.get();
    }
    String base = ShareSlug.of(name);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String candidate = ShareSlug.candidate(base, attempt);
      if (slugs.addIfFree(candidate, key)) {
        return candidate;
      }
      Optional<String> raced = slugs.slugOfKey(key); // made by another request meanwhile
      if (raced.isPresent()) {
        return raced.get();
      }
    }
    throw new IllegalStateException("No free share address for " + base + "; try again.");
  }

  /** The public key a slug names, if any. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> keyOf(String slug) {
    return ShareSlug.wellFormed(slug) ? slugs.keyOfSlug(slug) : Optional.empty();
  }
}
