package io.encaptio.interfaces.inbox.rest;

import io.encaptio.application.DeliveryService;
import io.encaptio.application.DeliveryService.ConversationDetailDto;
import io.encaptio.application.DeliveryService.ConversationSummaryDto;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The capsule's inbox: visitors' conversations (share page, widget, API) with transcript,
 * citations, feedback, lead and a flag for questions the content could not answer. Editors only
 * (transcripts hold visitors' personal data); capsules of other tenants answer 404.
 */
@Path("/v1/capsules/{id}/conversations")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

  @EJB DeliveryService delivery;
  @Inject CurrentCaller caller;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "analyst")
  @Operation(summary = "Visitors' conversations, latest first (unanswered=true: only those)")
  public List<ConversationSummaryDto> conversations(
      @PathParam("id") UUID id,
      @QueryParam("max") @DefaultValue("50") int max,
      @QueryParam("unanswered") @DefaultValue("false") boolean unanswered) {
    return delivery.conversations(id, Math.max(1, Math.min(max, 500)), unanswered);
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "analyst")
  @Path("/{conversation}")
  @Operation(summary = "A visitor conversation: transcript with citations, feedback and lead")
  public ConversationDetailDto conversation(
      @PathParam("id") UUID id, @PathParam("conversation") UUID conversation) {
    return delivery.conversation(id, conversation);
  }
}
