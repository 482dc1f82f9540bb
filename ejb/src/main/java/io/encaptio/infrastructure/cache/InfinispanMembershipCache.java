package io.encaptio.infrastructure.cache;

import io.encaptio.domain.user.Membership;
import io.encaptio.domain.user.MembershipCache;
import io.encaptio.tenancy.context.TenantContext;
import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches;
import io.encaptio.tenancy.infrastructure.cache.InfinispanCaches.Sharing;
import io.encaptio.tenancy.infrastructure.cache.JsonCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Memberships in an Infinispan cache ({@link JsonCache}) for 10 seconds at most, replicated over a
 * cluster's nodes: a change is forgotten on every node before it returns.
 */
@ApplicationScoped
public class InfinispanMembershipCache implements MembershipCache {

  static final String CACHE_NAME = "memberships";

  @Inject InfinispanCaches caches;

  private JsonCache<Membership> memberships;

  @PostConstruct
  void start() {
    memberships =
        new JsonCache<>(
            caches,
            CACHE_NAME,
            Sharing.REPLICATED,
            10,
            TimeUnit.SECONDS,
            100_000,
            Membership.class);
  }

  @Override
  public Optional<Membership> get(String subject) {
    return memberships.get(key(subject));
  }

  @Override
  public void put(String subject, Membership membership) {
    memberships.put(key(subject), membership);
  }

  @Override
  public void forget(String subject) {
    memberships.remove(key(subject));
  }

  private static String key(String subject) {
    return TenantContext.current().schemaName().value() + "|" + subject;
  }
}
