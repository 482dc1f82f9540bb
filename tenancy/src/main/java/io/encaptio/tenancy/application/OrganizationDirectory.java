package io.encaptio.tenancy.application;

import java.util.List;

/** The identity provider's list of organizations (Keycloak in every environment). */
public interface OrganizationDirectory {

  /**
   * @throws IdentityProviderUnavailableException when the identity provider does not answer
   */
  List<Organization> organizations();
}
