package io.encaptio.domain.user;

import java.util.List;
import java.util.Optional;

/** The current tenant's user profiles. Fails without a current tenant. */
public interface UserProfileRepository {

  Optional<UserProfile> find(String subject);

  List<UserProfile> all();

  void add(UserProfile profile);

  long count();

  Optional<UserProfile> findByEmail(String email);

  void remove(UserProfile profile);

  /** Writes pending changes, so the transaction's next read sees them. */
  void flush();

  /**
   * Active members holding this role (owners, to keep at least one), their rows locked until the
   * transaction ends so that two changes cannot both leave the organization without one.
   */
  long countActiveWithRole(Role role);

  /** People taking a seat: invited or active. */
  long seatsTaken();

  /** Everyone but the removed, by username. */
  List<UserProfile> members();

  /** The ids of the teams the person belongs to. */
  java.util.Set<java.util.UUID> teamsOf(String subject);
}
