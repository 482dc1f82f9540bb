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

  /** Members holding this role and not deactivated (owners, to keep at least one). */
  long countWithRole(Role role);

  /** People taking a seat: invited or active. */
  long seatsTaken();

  /** The ids of the teams the person belongs to. */
  java.util.Set<java.util.UUID> teamsOf(String subject);
}
