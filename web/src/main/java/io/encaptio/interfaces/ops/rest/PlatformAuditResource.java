package io.encaptio.interfaces.ops.rest;

import io.encaptio.application.AuditService;
import io.encaptio.application.AuditService.AuditPage;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The platform's audit log: operators' actions on tenants, newest first. Operators only. */
@Path("/ops/v1/audit")
@RequestScoped
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformAuditResource {

  @EJB AuditService audit;

  @GET
  @Operation(summary = "Operators' actions on tenants, newest first (tenant: one tenant's only)")
  public AuditPage entries(
      @QueryParam("tenant") String tenant,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    return audit.platformEntries(tenant, first, max);
  }
}
