package io.encaptio.interfaces.inbox.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.KnowledgeGapService;
import io.encaptio.application.KnowledgeGapService.GapDto;
import io.encaptio.application.KnowledgeGapService.SuggestionDto;
import io.encaptio.interfaces.rest.EncaptioRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * The capsule's knowledge gaps: visitors' questions clustered by meaning, those the content left
 * unanswered (or whose answer was disliked) first; an editor answers one with an FAQ item. Analysts
 * read, editors answer and dismiss; capsules of other tenants answer 404.
 */
@Path("/v1/capsules/{id}/gaps")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeGapResource {

  /**
   * The answer to a gap; {@code question} left out: the gap's own question.
   *
   * @param answer what visitors asking it should be told (the FAQ item's answer)
   */
  public record GapAnswer(String question, String answer) {}

  @EJB KnowledgeGapService gaps;

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "analyst")
  @Operation(
      summary = "Question clusters, open gaps first (all=true: also clusters the content answers)")
  public List<GapDto> gaps(
      @PathParam("id") UUID id,
      @QueryParam("all") @DefaultValue("false") boolean all,
      @QueryParam("max") @DefaultValue("50") int max) {
    return gaps.gaps(id, all, Math.max(1, Math.min(max, 500)));
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "analyst")
  @Path("/{gap}")
  @Operation(summary = "A question cluster with its latest questions")
  public GapDto gap(@PathParam("id") UUID id, @PathParam("gap") UUID gap) {
    return gaps.gap(id, gap);
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{gap}/answer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Answer a gap: an FAQ item is added and indexed; the gap shows resolved once visitors"
              + " asking it are answered")
  public GapDto answer(@PathParam("id") UUID id, @PathParam("gap") UUID gap, GapAnswer request) {
    GapAnswer body = body(request);
    return gaps.answer(id, gap, body.question(), body.answer());
  }

  /**
   * @param into the cluster the gap's questions move to
   */
  public record GapMerge(UUID into) {}

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{gap}/merge")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Merge a cluster into another (one question the clustering kept apart)")
  public GapDto merge(@PathParam("id") UUID id, @PathParam("gap") UUID gap, GapMerge request) {
    return gaps.merge(id, gap, body(request).into());
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "editor")
  @Path("/{gap}/dismiss")
  @Operation(summary = "Mark a gap as needing no answer")
  public GapDto dismiss(@PathParam("id") UUID id, @PathParam("gap") UUID gap) {
    return gaps.dismiss(id, gap);
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "analyst")
  @Path("/golden-suggestions")
  @Operation(
      summary =
          "Questions visitors often ask and get answered, not yet golden questions: worth keeping")
  public List<SuggestionDto> suggestions(
      @PathParam("id") UUID id,
      @QueryParam("minAnswered") @DefaultValue("3") int minAnswered,
      @QueryParam("max") @DefaultValue("10") int max) {
    return gaps.suggestedGolden(id, minAnswered, Math.max(1, Math.min(max, 100)));
  }
}
