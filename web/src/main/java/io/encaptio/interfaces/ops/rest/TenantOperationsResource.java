package io.encaptio.interfaces.ops.rest;

import io.encaptio.application.TenantAdministration;
import io.encaptio.application.TenantProvisioning;
import io.encaptio.application.TenantProvisioning.Provisioned;
import io.encaptio.interfaces.ops.facade.TenantExportFile;
import io.encaptio.tenancy.application.NewTenant;
import io.encaptio.tenancy.application.TenantRef;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

@Path("/ops/v1/tenants")
@RequestScoped
public class TenantOperationsResource {

  static final String ZIP = "application/zip";

  @EJB TenantProvisioning provisioning;
  @EJB TenantAdministration administration;

  /**
   * Provisions a tenant; 201 with the tenant and the milliseconds each step took (Keycloak's share
   * separately), or 400 problem+json saying what to fix.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response provision(NewTenant request) {
    Provisioned run = provisioning.provision(request);
    TenantRef tenant = run.tenant();
    Map<String, Long> stepMillis = new LinkedHashMap<>();
    long platform = 0;
    long identityProvider = 0;
    for (var step : run.steps().entrySet()) {
      long millis = step.getValue().toMillis();
      stepMillis.put(step.getKey().name().toLowerCase(Locale.ROOT), millis);
      // Sums of the rounded figures shown, so the three add up for whoever reads them.
      if (step.getKey().identityProvider()) {
        identityProvider += millis;
      } else {
        platform += millis;
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", tenant.slug());
    body.put("name", tenant.displayName());
    body.put("status", tenant.statusName());
    body.put("stepMillis", stepMillis);
    body.put("platformMillis", platform);
    body.put("identityProviderMillis", identityProvider);
    return Response.status(Response.Status.CREATED).entity(body).build();
  }

  @POST
  @Path("/{slug}/suspend")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> suspend(@PathParam("slug") String slug, Map<String, String> body) {
    TenantRef tenant = administration.suspend(slug, body == null ? null : body.get("reason"));
    return Map.of("slug", tenant.slug(), "status", tenant.statusName());
  }

  @POST
  @Path("/{slug}/resume")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> resume(@PathParam("slug") String slug) {
    TenantRef tenant = administration.resume(slug);
    return Map.of("slug", tenant.slug(), "status", tenant.statusName());
  }

  /**
   * Sets how much content the tenant may keep: {@code {"bytes": 5368709120}}, or {@code {"bytes":
   * null}} for the platform's default. Stored content stays; only new content is refused above it.
   */
  @PUT
  @Path("/{slug}/content-limit")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> limitContent(@PathParam("slug") String slug, Map<String, Long> body) {
    if (body == null || !body.containsKey("bytes")) {
      throw new BadRequestException(
          "Send {\"bytes\": N} with the limit in bytes, or {\"bytes\": null} for the default.");
    }
    TenantRef tenant = administration.limitContent(slug, body.get("bytes"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("slug", tenant.slug());
    answer.put("contentLimitBytes", body.get("bytes"));
    return answer;
  }

  /** Deletes a suspended tenant after exporting it; {@code confirm} must repeat the slug. */
  @DELETE
  @Path("/{slug}")
  @Produces(MediaType.APPLICATION_JSON)
  public TenantAdministration.DeletedTenant delete(
      @PathParam("slug") String slug, @QueryParam("confirm") String confirmation) {
    return administration.delete(slug, confirmation);
  }

  @GET
  @Path("/{slug}/export")
  @Produces(ZIP)
  public Response export(@PathParam("slug") String slug) {
    TenantExportFile archive = TenantExportFile.of(administration, slug);
    StreamingOutput body =
        out -> {
          try (InputStream in = archive.open()) {
            in.transferTo(out);
          }
        };
    return Response.ok(body, ZIP)
        .header("Content-Length", archive.size())
        .header("Content-Disposition", "attachment; filename=\"" + slug + "-export.zip\"")
        .build();
  }

  @POST
  @Path("/{slug}/import")
  @Consumes(ZIP)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Long> importArchive(@PathParam("slug") String slug, InputStream archive) {
    return administration.importInto(slug, archive);
  }

  /**
   * Moves the tenant's schema to another registered database server: {@code {"server": "second"}}.
   * The tenant stays readable throughout and takes no changes while its tables are copied; the
   * answer names both servers, the rows copied per table, how long changes were paused and where
   * the copy's export is kept.
   */
  @POST
  @Path("/{slug}/move")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public TenantAdministration.MovedTenant move(
      @PathParam("slug") String slug, Map<String, String> body) {
    if (body == null || body.get("server") == null || body.get("server").isBlank()) {
      throw new BadRequestException(
          "Send {\"server\": \"name\"} with the registered database server to move to.");
    }
    return administration.move(slug, body.get("server"));
  }
}
