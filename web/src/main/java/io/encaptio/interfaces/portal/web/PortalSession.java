package io.encaptio.interfaces.portal.web;

import io.encaptio.application.PeopleService;
import io.encaptio.interfaces.security.CallerIdentity;
import io.encaptio.interfaces.security.CurrentCaller;
import io.encaptio.tenancy.application.TenantRef;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the portal remembers between requests of one signed-in person: the organization they chose
 * (when they belong to several) and the tenant of their last request, for the header.
 */
@Named
@SessionScoped
public class PortalSession implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CurrentCaller caller;

  @Inject
  @ConfigProperty(name = "keycloak.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "keycloak.portal.client.id")
  String portalClientId;

  @Inject
  @ConfigProperty(name = "encaptio.public.url")
  String publicUrl;

  private String chosenOrganization;
  private TenantRef tenant;
  private TenantRef signedInTo;

  public String getChosenOrganization() {
    return chosenOrganization;
  }

  public void choose(String organization) {
    this.chosenOrganization = organization;
    this.tenant = null;
  }

  public TenantRef getTenant() {
    return tenant;
  }

  public void setTenant(TenantRef tenant) {
    this.tenant = tenant;
  }

  /**
   * Called for every portal request that runs as a tenant, with the caller as actor: the first one
   * of the session in that tenant records the sign-in in the tenant's own schema, the others read
   * the membership (a role changed by an admin holds from the person's next request).
   */
  public PeopleService.MembershipDto enter(
      TenantRef current, CallerIdentity caller, PeopleService people) {
    PeopleService.MembershipDto membership;
    if (!current.equals(signedInTo)) {
      membership =
          people.recordSignIn(
              new PeopleService.SignIn(
                  caller.subject(),
                  caller.username(),
                  caller.displayName(),
                  caller.email(),
                  caller.identityProvider()));
      signedInTo =
          membership.refused()
                  || membership.refusesSignIn(caller.email(), caller.identityProvider())
              ? null
              : current;
    } else {
      membership = people.membership(caller.subject());
    }
    this.tenant = current;
    return membership;
  }

  public String getTenantName() {
    return Optional.ofNullable(tenant).map(TenantRef::displayName).orElse("No organization");
  }

  /**
   * Signs out of the portal and of Keycloak: the local session ends here, then the browser goes to
   * Keycloak's end-session endpoint with the ID token as hint, which ends the SSO session and sends
   * the browser back to the signed-out page.
   */
  public void signOut() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    Optional<String> idToken = caller.rawIdToken();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    external.invalidateSession();
    StringBuilder endSession =
        new StringBuilder(issuer)
            .append("/protocol/openid-connect/logout?client_id=")
            .append(encode(portalClientId))
            .append("&post_logout_redirect_uri=")
            .append(encode(publicUrl + "/signed-out.xhtml"));
    idToken.ifPresent(token -> endSession.append("&id_token_hint=").append(encode(token)));
    external.redirect(endSession.toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
