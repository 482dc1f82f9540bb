package io.encaptio.application.internal;

import io.encaptio.application.OrganizationSecurityService;
import io.encaptio.domain.ai.AddressPolicy;
import io.encaptio.domain.shared.ConflictException;
import io.encaptio.domain.shared.InvalidInputException;
import io.encaptio.domain.user.OrganizationSecurity;
import io.encaptio.domain.user.OrganizationSecurityRepository;
import io.encaptio.tenancy.application.OrganizationDirectory;
import io.encaptio.tenancy.application.OrganizationMember;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.application.TenantRegistry;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
@Local(OrganizationSecurityService.class)
public class DefaultOrganizationSecurityService implements OrganizationSecurityService {

  @Inject OrganizationSecurityRepository rules;
  @Inject OrganizationDirectory directory;
  @Inject TenantRegistry registry;
  @Inject AuditTrail audit;
  @Inject AddressPolicy addresses;

  @Inject
  @ConfigProperty(name = "keycloak.url")
  String keycloakUrl;

  @Override
  public SecurityDto security() {
    return toDto(rules.get());
  }

  @Override
  public SecurityDto requireMfa(boolean required) {
    OrganizationSecurity security = rules.get();
    boolean before = security.mfaRequired();
    security.requireMfa(required);
    rules.save(security);
    int asked = 0;
    if (required) {
      for (OrganizationMember member : directory.members(organizationId())) {
        if (directory.requireOtp(member.id())) {
          asked++;
        }
      }
    }
    audit.recordChange(
        "organization.mfa_changed",
        "second factor",
        before ? "required" : "optional",
        (required ? "required" : "optional")
            + (required ? " (" + asked + " members asked to set one up)" : ""));
    return toDto(security);
  }

  @Override
  public SecurityDto connectSso(SsoConnection connection) {
    if (connection == null) {
      throw new InvalidInputException("discoveryUrl", "Send the provider's settings.");
    }
    String domain = OrganizationSecurity.validDomain(connection.domain());
    URI discovery = discoveryUrl(connection.discoveryUrl());
    if (!sameServer(discovery, URI.create(keycloakUrl))) {
      // Keycloak fetches the address: the same guard as any address a tenant names (no private
      // networks); a realm of the platform's own Keycloak is fine.
      addresses
          .refusal(discovery.toString())
          .ifPresent(
              why -> {
                throw new InvalidInputException("discoveryUrl", why);
              });
    }
    if (blank(connection.clientId())) {
      throw new InvalidInputException(
          "clientId", "Give the client id Encaptio has at your identity provider.");
    }
    if (blank(connection.clientSecret())) {
      throw new InvalidInputException(
          "clientSecret", "Give the client secret Encaptio has at your identity provider.");
    }
    TenantRef tenant = TenantContext.current();
    String alias = "org-" + tenant.slug();
    OrganizationSecurity security = rules.get();
    if (security.ssoDomain() != null && !security.ssoDomain().equals(domain)) {
      throw new ConflictException(
          "This organization signs in "
              + security.ssoDomain()
              + " through its provider already; disconnect it first.");
    }
    List<String> others = directory.accountsOfDomainOutside(organizationId(), domain);
    if (!others.isEmpty()) {
      throw new ConflictException(
          others.size()
              + (others.size() == 1 ? " person" : " people")
              + " outside this organization sign in with addresses of "
              + domain
              + "; a domain is routed to an organization's own provider only when nobody else"
              + " uses it. Ask Encaptio's operators to verify the domain.");
    }
    directory.connectIdentityProvider(
        organizationId(),
        alias,
        tenant.displayName() + " sign-in",
        discovery.toString(),
        connection.clientId().strip(),
        connection.clientSecret(),
        domain);
    security.connectSso(alias, domain, connection.required());
    rules.save(security);
    audit.record(
        "organization.sso_connected",
        domain,
        null,
        "provider " + discovery.getHost() + (connection.required() ? ", required" : ", optional"));
    return toDto(security);
  }

  @Override
  public SecurityDto disconnectSso() {
    OrganizationSecurity security = rules.get();
    if (security.ssoAlias() == null) {
      return toDto(security);
    }
    String domain = security.ssoDomain();
    directory.disconnectIdentityProvider(organizationId(), security.ssoAlias(), domain);
    security.disconnectSso();
    rules.save(security);
    audit.record("organization.sso_disconnected", domain, null, null);
    return toDto(security);
  }

  private static URI discoveryUrl(String text) {
    try {
      URI uri = URI.create(text == null ? "" : text.strip());
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getPath().endsWith("/.well-known/openid-configuration")) {
        return uri;
      }
    } catch (IllegalArgumentException malformed) {
      // refused below
    }
    throw new InvalidInputException(
        "discoveryUrl",
        "'"
            + text
            + "' is not an OpenID Connect discovery address; it ends in"
            + " /.well-known/openid-configuration.");
  }

  private static boolean sameServer(URI a, URI b) {
    return a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b)
        && a.getScheme().equalsIgnoreCase(b.getScheme());
  }

  private static int port(URI uri) {
    return uri.getPort() != -1
        ? uri.getPort()
        : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private String organizationId() {
    return CurrentOrganization.id(registry);
  }

  private static SecurityDto toDto(OrganizationSecurity s) {
    return new SecurityDto(s.mfaRequired(), s.ssoAlias(), s.ssoDomain(), s.ssoRequired());
  }
}
