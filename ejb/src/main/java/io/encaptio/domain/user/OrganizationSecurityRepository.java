package io.encaptio.domain.user;

/** The current tenant's sign-in rules (at most one row; none until an admin sets a rule). */
public interface OrganizationSecurityRepository {

  /** The rules, or the defaults (no rule) when none were ever set; reading writes nothing. */
  OrganizationSecurity get();

  /** Stores rules read with {@link #get} and changed (the first change writes the row). */
  void save(OrganizationSecurity security);
}
