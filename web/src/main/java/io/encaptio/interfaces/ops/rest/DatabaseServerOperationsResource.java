package io.encaptio.interfaces.ops.rest;

import io.encaptio.application.TenantAdministration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database servers that hold tenant schemas, for operators: which there are, their tenants and
 * weights; register one whose data sources the server configuration has, change its weight.
 */
@Path("/ops/v1/database-servers")
@RequestScoped
public class DatabaseServerOperationsResource {

  @EJB TenantAdministration administration;

  /** Every server: {@code [{"name": "main", "weight": 1, "tenants": 3}, ...]}. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<Map<String, Object>> list() {
    return administration.databaseServers().stream()
        .map(DatabaseServerOperationsResource::json)
        .toList();
  }

  /**
   * Registers a server: {@code {"name": "second", "weight": 1}}; 201, or 400 saying what to fix.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response register(Map<String, Object> body) {
    String name = body == null ? null : (body.get("name") instanceof String s ? s : null);
    TenantAdministration.DatabaseServerRow registered =
        administration.registerDatabaseServer(name, weight(body, 1));
    return Response.status(Response.Status.CREATED).entity(json(registered)).build();
  }

  /** Changes a server's weight: {@code {"weight": 0}} places no new tenants there. */
  @PUT
  @Path("/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> weigh(@PathParam("name") String name, Map<String, Object> body) {
    if (body == null || !body.containsKey("weight")) {
      throw new BadRequestException("Send {\"weight\": N}, 0 to place no new tenants there.");
    }
    return json(administration.weighDatabaseServer(name, weight(body, 0)));
  }

  private static int weight(Map<String, Object> body, int otherwise) {
    Object weight = body == null ? null : body.get("weight");
    if (weight == null) {
      return otherwise;
    }
    if (!(weight instanceof Number number) || number.doubleValue() != number.intValue()) {
      throw new BadRequestException("The weight is a whole number from 0 to 1000, not " + weight);
    }
    return number.intValue();
  }

  private static Map<String, Object> json(TenantAdministration.DatabaseServerRow server) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", server.name());
    json.put("weight", server.weight());
    json.put("tenants", server.tenants());
    return json;
  }
}
