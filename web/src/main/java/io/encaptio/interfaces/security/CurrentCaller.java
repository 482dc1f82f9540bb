package io.encaptio.interfaces.security;

import com.ibm.websphere.security.WSSecurityException;
import com.ibm.websphere.security.openidconnect.PropagationHelper;
import com.ibm.websphere.security.openidconnect.token.IdToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of this request, from whichever verified token authenticated it: an API bearer token
 * (MicroProfile JWT) or the portal's OpenID Connect ID token (Liberty's OIDC client).
 */
@RequestScoped
public class CurrentCaller {

  static final String ROLES_CLAIM = "groups";

  /** The identity provider a sign-in was brokered through (the realm's session-note mapper). */
  static final String IDENTITY_PROVIDER_CLAIM = "identity_provider";

  @Inject HttpServletRequest request;

  private CallerIdentity identity;

  /** The caller, or empty when the request carries no verified token. */
  public Optional<CallerIdentity> find() {
    if (identity == null) {
      identity = read(request.getUserPrincipal());
    }
    return Optional.ofNullable(identity);
  }

  public CallerIdentity identity() {
    return find().orElseThrow(() -> new IllegalStateException("No authenticated caller"));
  }

  /** The signed-in person for pages, as {@code #{currentUser}}. */
  @Produces
  @Named("currentUser")
  CallerIdentity currentUser() {
    return identity();
  }

  /** The raw ID token of a portal sign-in, needed to end the Keycloak session on sign-out. */
  public Optional<String> rawIdToken() {
    IdToken idToken = PropagationHelper.getIdToken();
    if (idToken == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(idToken.getRawIdToken());
    } catch (WSSecurityException e) {
      return Optional.empty();
    }
  }

  private static CallerIdentity read(Principal principal) {
    if (principal instanceof JsonWebToken jwt) {
      return new CallerIdentity(
          jwt.getSubject(),
          jwt.getName(),
          jwt.getClaim("given_name"),
          jwt.getClaim("family_name"),
          jwt.getClaim("email"),
          Set.copyOf(jwt.getGroups()),
          OrganizationClaim.aliases(jwt.getClaim(OrganizationClaim.NAME)),
          text(jwt.getClaim(IDENTITY_PROVIDER_CLAIM), null));
    }
    if (principal == null) {
      return null;
    }
    IdToken idToken = PropagationHelper.getIdToken();
    if (idToken == null) {
      return null;
    }
    return new CallerIdentity(
        idToken.getSubject(),
        text(idToken.getClaim("preferred_username"), principal.getName()),
        text(idToken.getClaim("given_name"), null),
        text(idToken.getClaim("family_name"), null),
        text(idToken.getClaim("email"), null),
        strings(idToken.getClaim(ROLES_CLAIM)),
        OrganizationClaim.aliases(idToken.getClaim(OrganizationClaim.NAME)),
        text(idToken.getClaim(IDENTITY_PROVIDER_CLAIM), null));
  }

  private static String text(Object claim, String fallback) {
    if (claim instanceof JsonString s) {
      return s.getString();
    }
    return claim == null ? fallback : claim.toString();
  }

  private static Set<String> strings(Object claim) {
    Set<String> values = new TreeSet<>();
    if (claim instanceof JsonArray array) {
      array.getValuesAs(JsonString.class).forEach(s -> values.add(s.getString()));
    } else if (claim instanceof Collection<?> collection) {
      collection.forEach(v -> values.add(String.valueOf(v)));
    } else if (claim != null) {
      values.add(claim.toString());
    }
    return values;
  }
}
