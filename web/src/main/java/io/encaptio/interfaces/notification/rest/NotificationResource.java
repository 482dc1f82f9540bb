package io.encaptio.interfaces.notification.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.NotificationService;
import io.encaptio.application.NotificationService.DeliveryDto;
import io.encaptio.application.NotificationService.HookDto;
import io.encaptio.application.NotificationService.NewHookDto;
import io.encaptio.application.NotificationService.NotificationDto;
import io.encaptio.application.NotificationService.PreferencesDto;
import io.encaptio.interfaces.rest.EncaptioRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * The caller's notifications and what they are told about; the organization's defaults, Slack and
 * Teams hooks and delivery log for admins and owners.
 */
@Path("/v1/notifications")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

  @EJB NotificationService notifications;

  /** The caller's notifications and how many are unread. */
  public record Inbox(int unread, List<NotificationDto> notifications) {}

  public record Marked(int marked) {}

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Operation(
      summary =
          "Your notifications, newest first (kind: only those of one kind, e.g. lead.captured),"
              + " with the unread count")
  public Inbox inbox(
      @QueryParam("kind") String kind, @QueryParam("max") @DefaultValue("50") int max) {
    return new Inbox(notifications.unread(), notifications.inbox(kind, max));
  }

  @POST
  @Path("/{id}/read")
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Operation(summary = "Mark one of your notifications read")
  public Response read(@PathParam("id") UUID id) {
    notifications.markRead(id);
    return Response.noContent().build();
  }

  @POST
  @Path("/read")
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Operation(summary = "Mark all your notifications read")
  public Marked readAll() {
    return new Marked(notifications.markAllRead());
  }

  @GET
  @Path("/preferences")
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Operation(
      summary = "What you are told about, in the portal and by e-mail, and in which language")
  public PreferencesDto preferences() {
    return notifications.preferences();
  }

  @PUT
  @Path("/preferences")
  @Consumes(MediaType.APPLICATION_JSON)
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Operation(summary = "Replace your choices (kinds left out follow the organization's defaults)")
  public PreferencesDto changePreferences(PreferencesDto preferences) {
    return notifications.changePreferences(body(preferences));
  }

  @GET
  @Path("/defaults")
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Operation(summary = "The organization's defaults for people who chose nothing")
  public PreferencesDto defaults() {
    return notifications.organizationDefaults();
  }

  @PUT
  @Path("/defaults")
  @Consumes(MediaType.APPLICATION_JSON)
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Operation(summary = "Replace the organization's defaults")
  public PreferencesDto changeDefaults(PreferencesDto defaults) {
    return notifications.changeOrganizationDefaults(body(defaults));
  }

  @GET
  @Path("/hooks")
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Operation(summary = "The organization's Slack and Teams hooks (addresses never shown)")
  public List<HookDto> hooks() {
    return notifications.hooks();
  }

  @POST
  @Path("/hooks")
  @Consumes(MediaType.APPLICATION_JSON)
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Operation(
      summary =
          "Add a Slack or Teams incoming webhook (channel: slack or teams; url: https, public;"
              + " kinds: what it is told about; language: en, de, fr or es)")
  public Response addHook(NewHookDto hook) {
    return Response.status(Response.Status.CREATED)
        .entity(notifications.addHook(body(hook)))
        .build();
  }

  @DELETE
  @Path("/hooks/{id}")
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Operation(summary = "Remove a hook")
  public Response removeHook(@PathParam("id") UUID id) {
    notifications.removeHook(id);
    return Response.noContent().build();
  }

  @GET
  @Path("/deliveries")
  @Extension(name = EncaptioRoles.EXTENSION, value = "admin")
  @Operation(summary = "E-mails and hook posts, newest first, with their attempts and errors")
  public List<DeliveryDto> deliveries(@QueryParam("max") @DefaultValue("50") int max) {
    return notifications.deliveries(max);
  }
}
