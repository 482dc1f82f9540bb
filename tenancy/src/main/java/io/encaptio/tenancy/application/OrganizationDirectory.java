package io.encaptio.tenancy.application;

import java.util.List;

/**
 * The identity provider's organizations and their people (Keycloak in every environment). Every
 * method may throw {@link IdentityProviderUnavailableException} when the provider does not answer
 * or refuses; the "ensure" methods are idempotent, so a provisioning run can always be repeated.
 */
public interface OrganizationDirectory {

  List<Organization> organizations();

  /** The organization with this alias, created with the name and e-mail domain if missing. */
  Organization ensureOrganization(String alias, String name, String domain);

  /**
   * The tenant's first owner: a user with the e-mail address (created if missing, with a
   * set-password action pending), holding the owner role and member of the organization.
   *
   * @return the user's id in the identity provider
   */
  String ensureOwner(Organization organization, String email, String fullName);

  /** Removes the organization (its users stay, as people may belong elsewhere); gone is fine. */
  void removeOrganization(String organizationId);
}
