package io.encaptio.application;

import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import java.io.Serializable;

/**
 * The organization's sign-in rules, set by its admins: a second factor (OTP) for every member, and
 * the organization's own OpenID Connect identity provider for the e-mail addresses of one domain,
 * optionally required.
 */
public interface OrganizationSecurityService {

  @Requires(Permission.MANAGE_PEOPLE)
  SecurityDto security();

  /**
   * Requires (or no longer requires) a second factor: every member without an authenticator is
   * asked to set one up at their next sign-in, and so is everyone who joins later.
   */
  @Requires(Permission.MANAGE_PEOPLE)
  SecurityDto requireMfa(boolean required);

  /**
   * Connects the organization's own identity provider: people whose address is of the domain are
   * sent to it when they sign in, and, when required, are refused unless they came through it.
   */
  @Requires(Permission.MANAGE_PEOPLE)
  SecurityDto connectSso(SsoConnection connection);

  @Requires(Permission.MANAGE_PEOPLE)
  SecurityDto disconnectSso();

  /**
   * @param discoveryUrl the provider's OpenID Connect discovery document ({@code
   *     …/.well-known/openid-configuration})
   * @param domain the e-mail domain whose people sign in through it (claimed by this organization)
   */
  record SsoConnection(
      String discoveryUrl, String clientId, String clientSecret, String domain, boolean required)
      implements Serializable {}

  record SecurityDto(boolean mfaRequired, String ssoAlias, String ssoDomain, boolean ssoRequired)
      implements Serializable {}
}
