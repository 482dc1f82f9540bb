package io.encaptio.domain.capsule;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's capsules and their versions. Callers provide the transaction. */
public interface CapsuleRepository {

  /** A capsule that is not deleted. */
  Optional<Capsule> find(UUID id);

  /** One page of the capsules that are not deleted, newest first. */
  List<Capsule> page(int first, int max);

  long count();

  /** The ids of the capsules that are not deleted (without loading them). */
  List<UUID> ids();

  void add(Capsule capsule);

  /** A capsule deleted (softly) and not purged yet; {@link #find} never answers those. */
  Optional<Capsule> findDeleted(UUID id);

  /** Names of the capsules (not deleted) that answer with this chat model, in either variant. */
  List<String> namesAnsweringWith(UUID chatModelId);

  void addAsset(CapsuleAsset asset);

  /** The asset, when it is one of this capsule's. */
  Optional<CapsuleAsset> asset(UUID capsuleId, UUID assetId);

  /** Removes the capsule for good, with its versions and all its content. */
  void remove(Capsule capsule);

  void addVersion(CapsuleVersion version);

  /** Every published version of the capsule, newest first. */
  List<CapsuleVersion> versions(UUID capsuleId);

  Optional<CapsuleVersion> version(UUID capsuleId, int number);

  /** The capsule if visitors may use it now: published, neither archived nor deleted. */
  default Optional<Capsule> live(UUID id) {
    return find(id).filter(Capsule::liveForVisitors);
  }

  /** The version visitors see now, if the capsule is live. */
  default Optional<CapsuleVersion> visibleVersion(UUID id) {
    return live(id).flatMap(c -> version(id, c.publishedVersion()));
  }
}
