package io.encaptio.domain.user;

import java.util.Optional;

/**
 * Memberships of the current tenant read recently, by person: every request reads its caller's. A
 * change forgets the person's entry on this node at once; other nodes see it when their entry
 * expires (seconds).
 */
public interface MembershipCache {

  Optional<Membership> get(String subject);

  void put(String subject, Membership membership);

  void forget(String subject);
}
