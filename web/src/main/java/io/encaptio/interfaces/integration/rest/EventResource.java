package io.encaptio.interfaces.integration.rest;

import io.encaptio.application.DeliveryService;
import io.encaptio.application.DeliveryService.OutboxEventDto;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The organization's integration events (a lead captured, with its contact details and the
 * conversation's transcript), newest first: what webhooks and CRM pushes deliver, to read by
 * polling too.
 */
@Path("/v1/events")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

  @EJB DeliveryService delivery;
  @Inject CurrentCaller caller;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "analyst")
  @Operation(summary = "The latest integration events of a kind (lead.captured)")
  public List<OutboxEventDto> events(
      @QueryParam("kind") String kind, @QueryParam("max") @DefaultValue("50") int max) {
    if (kind == null || kind.isBlank()) {
      throw new BadRequestException("Say which events: ?kind=lead.captured.");
    }
    return delivery.events(kind, Math.max(1, Math.min(max, 500)));
  }
}
