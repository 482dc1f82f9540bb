package io.encaptio.tenancy.application;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The identity provider's organizations and their people (Keycloak in every environment). Every
 * method may throw {@link IdentityProviderUnavailableException} when the provider does not answer,
 * or {@link IdentityProviderRefusedException} when it refuses a change; the "ensure" methods are
 * idempotent, so a provisioning run or an invitation can always be repeated.
 *
 * <p>Roles are not kept here: a person's role is a property of their membership of one
 * organization, stored in that tenant's schema. The directory only says who belongs where.
 */
public interface OrganizationDirectory {

  List<Organization> organizations();

  /**
   * The organization with this alias, created with the name if missing. No e-mail domain is linked:
   * a domain belongs to an organization only once an admin claims it.
   */
  Organization ensureOrganization(String alias, String name);

  /**
   * The account of a person invited into an organization: whether the invitation made the account,
   * and whether it was a member of the organization before.
   */
  record Invitee(String userId, boolean created, boolean wasMember) {}

  /**
   * A member of the organization with this e-mail address: the account is created if missing (with
   * a set-password action pending), and joined to the organization if it is not a member yet.
   */
  Invitee ensureMember(String organizationId, String email, String fullName);

  /**
   * Sends the person the identity provider's mail with a link that sets their password and then
   * leads to {@code continueTo}; the link works for {@code lifespan}.
   */
  void sendSetPasswordMail(String userId, URI continueTo, Duration lifespan);

  List<OrganizationMember> members(String organizationId);

  /**
   * Removes the person from the organization. Their account is deleted too when it belongs to no
   * other organization and holds no platform role, and kept otherwise.
   *
   * @return whether the account was deleted
   */
  boolean removeMember(String organizationId, String userId);

  /**
   * The holders of the realm-wide roles of earlier versions ({@code owner}, {@code editor}), by
   * user id, to migrate them into the organizations they are members of.
   */
  Map<String, String> legacyRoleHolders();

  /** Takes the realm-wide role away once it has been migrated. */
  void dropLegacyRole(String userId, String role);

  /**
   * Has the person set up a one-time-password authenticator at their next sign-in, unless they have
   * one already.
   *
   * @return whether the setup was asked for (false: they have one)
   */
  boolean requireOtp(String userId);

  /** Whether the person has a one-time-password authenticator set up. */
  boolean hasOtp(String userId);

  /**
   * Connects an OpenID Connect identity provider to the organization: made (or replaced) under the
   * alias from its discovery document, the domain claimed by the organization, and people of the
   * domain sent to the provider when they sign in.
   */
  void connectIdentityProvider(
      String organizationId,
      String alias,
      String displayName,
      String discoveryUrl,
      String clientId,
      String clientSecret,
      String domain);

  /**
   * Accounts with an address of the domain that are not members of the organization (at most a page
   * of them): a domain used by other people cannot be routed to this organization's provider.
   */
  List<String> accountsOfDomainOutside(String organizationId, String domain);

  /** Undoes {@link #connectIdentityProvider}; gone is fine. */
  void disconnectIdentityProvider(String organizationId, String alias, String domain);

  /** Removes the organization (its users stay, as people may belong elsewhere); gone is fine. */
  void removeOrganization(String organizationId);
}
