package io.encaptio.interfaces.user.web;

import io.encaptio.application.OrganizationSecurityService;
import io.encaptio.application.OrganizationSecurityService.SecurityDto;
import io.encaptio.application.OrganizationSecurityService.SsoConnection;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.web.PageMessages;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in section of the People page (admins and owners): a second factor for everyone, and the
 * organization's own identity provider for one e-mail domain.
 */
@Named
@ViewScoped
public class SecurityView implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB transient OrganizationSecurityService service;
  @Inject transient Access access;

  @Inject
  @ConfigProperty(name = "keycloak.issuer")
  String issuer;

  private SecurityDto rules;
  private boolean mfaRequired;
  private String discoveryUrl;
  private String clientId;
  private String clientSecret;
  private String domain;
  private boolean ssoRequired;

  @PostConstruct
  void init() {
    if (access.isAdmin()) {
      rules = service.security();
      mfaRequired = rules.mfaRequired();
      domain = rules.ssoDomain();
      ssoRequired = rules.ssoRequired();
    }
  }

  public void saveMfa() {
    try {
      rules = service.requireMfa(mfaRequired);
      PageMessages.inform(
          "Sign-in rules saved",
          mfaRequired
              ? "Members without an authenticator set one up at their next sign-in."
              : "A second factor is optional again.");
    } catch (RuntimeException e) {
      PageMessages.failed("The sign-in rules were not changed", e, "security");
    }
  }

  public void connect() {
    try {
      rules =
          service.connectSso(
              new SsoConnection(discoveryUrl, clientId, clientSecret, domain, ssoRequired));
      clientSecret = null;
      PageMessages.inform(
          "Identity provider connected",
          "People of " + rules.ssoDomain() + " now sign in through it.");
    } catch (RuntimeException e) {
      PageMessages.failed("The identity provider was not connected", e, "sso");
    }
  }

  public void disconnect() {
    try {
      rules = service.disconnectSso();
      PageMessages.inform("Identity provider disconnected", "People sign in with a password.");
    } catch (RuntimeException e) {
      PageMessages.failed("The identity provider was not disconnected", e);
    }
  }

  /** Where the organization's provider sends people back: register it there. */
  public String getRedirectUri() {
    return issuer + "/broker/org-" + TenantContext.current().slug() + "/endpoint";
  }

  public SecurityDto getRules() {
    return rules;
  }

  public boolean isMfaRequired() {
    return mfaRequired;
  }

  public void setMfaRequired(boolean mfaRequired) {
    this.mfaRequired = mfaRequired;
  }

  public String getDiscoveryUrl() {
    return discoveryUrl;
  }

  public void setDiscoveryUrl(String discoveryUrl) {
    this.discoveryUrl = discoveryUrl;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getClientSecret() {
    return clientSecret;
  }

  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public boolean isSsoRequired() {
    return ssoRequired;
  }

  public void setSsoRequired(boolean ssoRequired) {
    this.ssoRequired = ssoRequired;
  }
}
