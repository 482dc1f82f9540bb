package io.encaptio.interfaces.delivery.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.DeliveryService;
import io.encaptio.application.DeliveryService.DeliveryChange;
import io.encaptio.application.DeliveryService.DeliveryDto;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Who may use a capsule: its allowed origins and whether signed embed tokens are required
 * (editors), and its embed secret (owners). Capsules of other tenants answer 404.
 */
@Path("/v1/capsules/{id}/delivery")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

  @EJB DeliveryService delivery;
  @Inject CurrentCaller caller;

  public record DeliveryRequest(List<String> allowedOrigins, Boolean requireSignedToken) {}

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Operation(summary = "The capsule's public key, allowed origins and token requirement")
  public DeliveryDto delivery(@PathParam("id") UUID id) {
    return delivery.delivery(id);
  }

  /**
   * Changes who may use the capsule: {@code allowedOrigins} (https://shop.example,
   * https://*.example.com) and {@code requireSignedToken}; a field left out keeps its value.
   */
  @PUT
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change the allowed origins and whether signed embed tokens are required")
  public DeliveryDto changeDelivery(@PathParam("id") UUID id, DeliveryRequest request) {
    DeliveryRequest change = body(request);
    return delivery.changeDelivery(
        id, new DeliveryChange(change.allowedOrigins(), change.requireSignedToken()));
  }

  /** A new embed secret, shown this once; tokens signed with the previous one stop working. */
  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Path("/secret")
  @Operation(summary = "Make a new embed secret (shown once)")
  public Response newSecret(@PathParam("id") UUID id) {
    String secret = delivery.newEmbedSecret(id);
    return Response.status(201)
        .entity(
            Map.of(
                "secret",
                secret,
                "algorithm",
                "HS256",
                "audience",
                delivery.delivery(id).publicKey(),
                "note",
                "Store it in your backend now; it is not shown again."))
        .build();
  }
}
