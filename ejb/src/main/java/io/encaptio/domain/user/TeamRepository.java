package io.encaptio.domain.user;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The current tenant's teams and who is in them. Callers provide the transaction. */
public interface TeamRepository {

  List<Team> all();

  Optional<Team> find(UUID id);

  Optional<Team> findByName(String name);

  void add(Team team);

  void remove(Team team);

  /** The subjects of the team's members. */
  Set<String> members(UUID teamId);

  void replaceMembers(UUID teamId, Set<String> subjects);

  /** Every person's teams, by subject, in one read (people in no team are absent). */
  java.util.Map<String, Set<UUID>> teamsByMember();

  /** Takes the person out of every team (they left the organization). */
  void removeFromAll(String subject);

  /** How many capsules (not deleted) belong to the team. */
  long capsuleCount(UUID teamId);

  /** The team a capsule belongs to, empty when it belongs to none (or does not exist). */
  Optional<UUID> teamOfCapsule(UUID capsuleId);

  /** Puts the capsule in the team, or in none when {@code teamId} is null. */
  void assignCapsule(UUID capsuleId, UUID teamId);
}
