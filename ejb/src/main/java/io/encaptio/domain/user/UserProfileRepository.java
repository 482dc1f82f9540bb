package io.encaptio.domain.user;

import java.util.List;
import java.util.Optional;

/** The current tenant's user profiles. Fails without a current tenant. */
public interface UserProfileRepository {

  Optional<UserProfile> find(String subject);

  List<UserProfile> all();

  void add(UserProfile profile);

  long count();
}
