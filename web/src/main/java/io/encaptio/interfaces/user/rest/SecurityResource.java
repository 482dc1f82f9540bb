package io.encaptio.interfaces.user.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.OrganizationSecurityService;
import io.encaptio.application.OrganizationSecurityService.SecurityDto;
import io.encaptio.application.OrganizationSecurityService.SsoConnection;
import io.encaptio.interfaces.rest.EncaptioRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The organization's sign-in rules: a second factor for every member, and its own OpenID Connect
 * identity provider for one e-mail domain. Admins and owners.
 */
@Path("/v1/organization/security")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityResource {

  @EJB OrganizationSecurityService security;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Operation(summary = "The organization's sign-in rules")
  public SecurityDto rules() {
    return security.security();
  }

  @PUT
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/mfa")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Require a second factor (OTP): members without one set it up at their next sign-in")
  public SecurityDto mfa(JsonObject setting) {
    // strictly true or false: a lenient binding would read any other text as false
    JsonValue required = body(setting).get("required");
    if (required != JsonValue.TRUE && required != JsonValue.FALSE) {
      throw new BadRequestException("Send {\"required\": true} or {\"required\": false}.");
    }
    return security.requireMfa(required == JsonValue.TRUE);
  }

  @PUT
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/sso")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Connect the organization's OpenID Connect identity provider for an e-mail domain"
              + " (discoveryUrl, clientId, clientSecret, domain, required)")
  public SecurityDto connect(SsoConnection connection) {
    return security.connectSso(body(connection));
  }

  @DELETE
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/sso")
  @Operation(summary = "Disconnect the organization's identity provider")
  public SecurityDto disconnect() {
    return security.disconnectSso();
  }
}
