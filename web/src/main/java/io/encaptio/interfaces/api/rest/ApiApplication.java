package io.encaptio.interfaces.api.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Encaptio API",
            version = "1",
            description = "Integrator API. Authenticate with a Keycloak access token."))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class ApiApplication extends Application {

  /** Listed explicitly: with several applications in the module, none may pick up the others'. */
  @Override
  public java.util.Set<Class<?>> getClasses() {
    return java.util.Set.of(
        MeResource.class,
        io.encaptio.interfaces.problem.WebApplicationExceptionMapper.class,
        io.encaptio.interfaces.problem.UnexpectedExceptionMapper.class);
  }
}
