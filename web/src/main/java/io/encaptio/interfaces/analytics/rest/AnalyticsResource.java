package io.encaptio.interfaces.analytics.rest;

import io.encaptio.application.AnalyticsService;
import io.encaptio.application.AnalyticsService.AttentionDto;
import io.encaptio.application.AnalyticsService.ReportDto;
import io.encaptio.interfaces.analytics.facade.AnalyticsCsv;
import io.encaptio.interfaces.rest.EditorRequests;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * What visitors did, per day of a time zone, for one capsule ({@code capsule}) or the whole
 * organization, with the period before for comparison; as JSON, or the daily figures as CSV ({@code
 * Accept: text/csv}). Days default to the last 30 up to today in the zone (UTC unless {@code zone}
 * names another). Analysts and above; another organization's capsule answers 404.
 */
@Path("/v1/analytics")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

  static final String CSV = "text/csv";

  @EJB AnalyticsService analytics;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "analyst")
  @Operation(
      summary =
          "Conversations, messages, visitors, answer rate, feedback, leads and clicks per day"
              + " (from, to: 2026-12-06, both included; zone: an IANA time zone; capsule: one"
              + " capsule's, else the organization's), with the period before, channels and"
              + " busiest hours")
  public ReportDto report(
      @QueryParam("capsule") String capsule,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("zone") String zone) {
    return read(capsule, from, to, zone);
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "analyst")
  @Produces(CSV + ";qs=0.5")
  public Response reportCsv(
      @QueryParam("capsule") String capsule,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("zone") String zone) {
    ReportDto report = read(capsule, from, to, zone);
    return Response.ok(AnalyticsCsv.write(report))
        .type(CSV + ";charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"analytics.csv\"")
        .build();
  }

  @GET
  @Path("/attention")
  @Extension(name = EncaptioRoles.EXTENSION, value = "analyst")
  @Operation(
      summary =
          "Capsules needing attention: failed items, stale URL sources, unanswered questions"
              + " asked more this week than the week before")
  public List<AttentionDto> attention(@QueryParam("max") @DefaultValue("10") int max) {
    return analytics.attention(max);
  }

  private ReportDto read(String capsule, String from, String to, String zone) {
    ZoneId zoneId = AnalyticsService.zone(zone);
    LocalDate last =
        to == null || to.isBlank() ? LocalDate.now(zoneId) : AnalyticsService.day("to", to);
    LocalDate first =
        from == null || from.isBlank()
            ? last.minusDays(AnalyticsService.DEFAULT_DAYS - 1)
            : AnalyticsService.day("from", from);
    return analytics.report(EditorRequests.capsuleId(capsule), first, last, zoneId.getId());
  }
}
