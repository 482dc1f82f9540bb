package io.encaptio.interfaces.capsule.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.CapsuleService.CapsulePage;
import io.encaptio.application.CapsuleService.TemplateDto;
import io.encaptio.application.CapsuleService.VersionDto;
import io.encaptio.interfaces.capsule.rest.CapsuleRequests.Draft;
import io.encaptio.interfaces.capsule.rest.CapsuleRequests.NewCapsule;
import io.encaptio.interfaces.capsule.rest.CapsuleRequests.RollBack;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
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
 * Capsules of the token's tenant: create, the draft, publishing and versions, archive and delete.
 * Everyone in the organization may read; owners and editors change. Every call runs in the tenant's
 * own schema (the tenant filter set it), so another tenant's capsule ids answer 404 exactly like
 * ids that never existed. Their content, brand images and indexing have resources of their own
 * under the same path.
 */
@Path("/v1/capsules")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CapsuleResource {

  @EJB CapsuleService capsules;
  @Inject CurrentCaller caller;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Operation(summary = "One page of capsules, newest first")
  public CapsulePage list(
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("20") int max) {
    return capsules.capsules(first, max);
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/templates")
  @Operation(summary = "Templates a capsule can start from")
  public List<TemplateDto> templates() {
    return capsules.templates();
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a capsule, blank or from a template")
  public Response create(NewCapsule request) {
    CapsuleDto created = capsules.create(body(request).name(), request.template());
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/{id}")
  public CapsuleDto get(@PathParam("id") UUID id) {
    return capsules.capsule(id);
  }

  @PUT
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/draft")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Save the draft; visitors keep seeing the published version")
  public CapsuleDto saveDraft(@PathParam("id") UUID id, Draft draft) {
    return capsules.saveDraft(id, body(draft).name(), draft.settings());
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/publish")
  @Operation(summary = "Check the draft and publish it as the next version")
  public CapsuleDto publish(@PathParam("id") UUID id) {
    return capsules.publish(id, caller.identity().username());
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/{id}/versions")
  public List<VersionDto> versions(@PathParam("id") UUID id) {
    return capsules.versions(id);
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Publish an earlier version again, as a new version")
  public CapsuleDto rollBack(@PathParam("id") UUID id, RollBack request) {
    if (request == null || request.version() == null) {
      throw new BadRequestException("Name the version to roll back to: {\"version\": 2}.");
    }
    return capsules.rollBack(id, request.version(), caller.identity().username());
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/duplicate")
  public Response duplicate(@PathParam("id") UUID id) {
    return Response.status(Response.Status.CREATED).entity(capsules.duplicate(id)).build();
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/archive")
  public CapsuleDto archive(@PathParam("id") UUID id) {
    return capsules.archive(id);
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}/restore")
  public CapsuleDto restore(@PathParam("id") UUID id) {
    return capsules.restore(id);
  }

  @DELETE
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{id}")
  public Response delete(@PathParam("id") UUID id) {
    capsules.delete(id);
    return Response.noContent().build();
  }
}
