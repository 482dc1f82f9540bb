package io.encaptio.interfaces.lead.rest;

import io.encaptio.application.DeliveryService;
import io.encaptio.application.DeliveryService.LeadDto;
import io.encaptio.interfaces.lead.facade.LeadsCsv;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The capsule's leads, latest first, as JSON or as CSV for spreadsheets and CRM imports. Editors
 * only; capsules of other tenants answer 404.
 */
@Path("/v1/capsules/{id}/leads")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

  static final String CSV = "text/csv";

  @EJB DeliveryService delivery;
  @Inject CurrentCaller caller;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "analyst")
  @Operation(summary = "The capsule's leads, latest first (Accept: text/csv for a spreadsheet)")
  public List<LeadDto> leads(
      @PathParam("id") UUID id, @QueryParam("max") @DefaultValue("1000") int max) {
    return delivery.leads(id, Math.max(1, Math.min(max, 10_000)));
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "analyst")
  @Produces(CSV + ";qs=0.5")
  public Response leadsCsv(
      @PathParam("id") UUID id, @QueryParam("max") @DefaultValue("10000") int max) {
    return Response.ok(LeadsCsv.write(delivery.leads(id, Math.max(1, Math.min(max, 10_000)))))
        .type(CSV + ";charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"leads.csv\"")
        .build();
  }
}
