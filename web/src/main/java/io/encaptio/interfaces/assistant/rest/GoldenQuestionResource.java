package io.encaptio.interfaces.assistant.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.GoldenQuestionService;
import io.encaptio.application.GoldenQuestionService.GoldenQuestionDto;
import io.encaptio.application.GoldenQuestionService.RunDto;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * A capsule's golden questions and their runs. Everyone in the organization may look; editors
 * change the set and start runs. Runs also start by themselves after each publish and re-index.
 */
@Path("/v1/capsules/{id}/golden")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class GoldenQuestionResource {

  /** A question with the facts its answer must contain, or {@code shouldRefuse}. */
  public record NewGoldenQuestion(
      String question, List<String> expectedFacts, Boolean shouldRefuse) {}

  @EJB GoldenQuestionService golden;
  @Inject CurrentCaller caller;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/questions")
  @Operation(summary = "The capsule's golden questions")
  public List<GoldenQuestionDto> questions(@PathParam("id") UUID id) {
    return golden.questions(id);
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/questions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a golden question: the facts its answer must contain, or to refuse")
  public Response add(@PathParam("id") UUID id, NewGoldenQuestion request) {
    NewGoldenQuestion body = body(request);
    return Response.status(Response.Status.CREATED)
        .entity(
            golden.add(
                id,
                body.question(),
                body.expectedFacts(),
                Boolean.TRUE.equals(body.shouldRefuse())))
        .build();
  }

  @DELETE
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/questions/{question}")
  @Operation(summary = "Remove a golden question")
  public Response remove(@PathParam("id") UUID id, @PathParam("question") UUID question) {
    golden.remove(id, question);
    return Response.noContent().build();
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/runs")
  @Operation(summary = "Run the golden questions now (queued as a job)")
  public Response runNow(@PathParam("id") UUID id) {
    return Response.accepted(golden.runNow(id)).build();
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/runs")
  @Operation(summary = "The latest runs, newest first; the newest with its results")
  public List<RunDto> runs(
      @PathParam("id") UUID id, @QueryParam("max") @DefaultValue("10") int max) {
    return golden.runs(id, Math.max(1, Math.min(max, 100)));
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/runs/{run}")
  @Operation(summary = "A run with each question's result and its change since the run before")
  public RunDto run(@PathParam("id") UUID id, @PathParam("run") UUID run) {
    return golden.run(id, run);
  }
}
