package io.encaptio.interfaces.audit.rest;

import io.encaptio.application.AuditService;
import io.encaptio.application.AuditService.AuditPage;
import io.encaptio.interfaces.audit.facade.AuditCsv;
import io.encaptio.interfaces.audit.facade.AuditFilters;
import io.encaptio.interfaces.rest.EncaptioRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The organization's audit log, newest first, filtered by who, what, capsule and date range; as
 * JSON pages or as CSV. Admins and owners only.
 */
@Path("/v1/audit")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  static final String CSV = "text/csv";
  static final int CSV_ROWS = 100_000;

  @EJB AuditService audit;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Operation(
      summary =
          "Audit rows, newest first; filters: actor (id, username or e-mail), action, capsule,"
              + " from and to (2026-12-06, the end day included)")
  public AuditPage entries(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("capsule") String capsule,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    return audit.entries(AuditFilters.of(actor, action, capsule, from, to), first, max);
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Produces(CSV + ";qs=0.5")
  public Response entriesCsv(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("capsule") String capsule,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    var filter = AuditFilters.of(actor, action, capsule, from, to);
    var rows = new java.util.ArrayList<AuditService.AuditEntryDto>();
    for (int first = 0; first < CSV_ROWS; first += 500) {
      AuditPage page = audit.entries(filter, first, 500);
      rows.addAll(page.entries());
      if (page.entries().size() < 500) {
        break;
      }
    }
    return Response.ok(AuditCsv.write(rows))
        .type(CSV + ";charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
        .build();
  }
}
