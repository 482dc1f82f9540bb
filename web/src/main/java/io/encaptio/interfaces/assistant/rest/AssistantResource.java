package io.encaptio.interfaces.assistant.rest;

import static io.encaptio.interfaces.rest.EditorRequests.body;

import io.encaptio.application.AssistantService;
import io.encaptio.application.AssistantService.AnswerDto;
import io.encaptio.application.AssistantService.Ask;
import io.encaptio.application.AssistantService.MessageDto;
import io.encaptio.application.AssistantService.UnansweredDto;
import io.encaptio.interfaces.assistant.rest.AssistantRequests.AskRequest;
import io.encaptio.interfaces.assistant.rest.AssistantRequests.FeedbackRequest;
import io.encaptio.interfaces.rest.AnswerStream;
import io.encaptio.interfaces.rest.EncaptioRoles;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A capsule's assistant as its editors see it: ask it (the playground), read a conversation, rate
 * answers and see what it could not answer. Everyone in the organization may ask. Capsules of other
 * tenants answer 404. Search and retrieval settings ({@link RetrievalResource}) and the chat models
 * it answers with ({@link ModelRoutingResource}) share its path.
 */
@Path("/v1/capsules/{id}/assistant")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AssistantResource {

  @EJB AssistantService assistant;
  @Inject CurrentCaller caller;

  /**
   * Asks the capsule a question in a conversation (the playground): the draft's settings by
   * default, or the published version's with {@code "draft": false} (cached). The answer comes with
   * its citations, what retrieval found with each stage's scores, the time of each stage, tokens
   * and cost.
   */
  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/ask")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ask the capsule's assistant (JSON; text/event-stream streams the answer)")
  public AnswerDto ask(@PathParam("id") UUID id, AskRequest request) {
    return assistant.ask(id, ask(request), caller.identity().username(), token -> {});
  }

  /**
   * The same, streamed as server-sent events: {@code token} events carry the answer as it is made
   * ({@code restart} when a model failed mid-way and the next one starts over), then one {@code
   * answer} event carries the checked answer, which replaces what was streamed; {@code error}
   * carries a problem when the question could not be answered.
   */
  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/ask")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(AnswerStream.MEDIA_TYPE)
  public void askStreamed(
      @PathParam("id") UUID id,
      AskRequest request,
      @Context SseEventSink events,
      @Context Sse sse,
      @Context UriInfo uri) {
    new AnswerStream(events, sse)
        .run(
            uri.getRequestUri().getPath(),
            tokens -> assistant.ask(id, ask(request), caller.identity().username(), tokens));
  }

  private static Ask ask(AskRequest request) {
    AskRequest body = body(request);
    return new Ask(body.question(), body.conversationId(), body.draft() == null || body.draft());
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/conversations/{conversation}")
  @Operation(summary = "A conversation's messages, oldest first")
  public List<MessageDto> conversation(
      @PathParam("id") UUID id, @PathParam("conversation") UUID conversation) {
    return assistant.conversation(id, conversation);
  }

  @GET
  @Extension(name = EncaptioRoles.EXTENSION, value = "analyst")
  @Path("/unanswered")
  @Operation(summary = "The latest questions the content could not answer, newest first")
  public List<UnansweredDto> unanswered(
      @PathParam("id") UUID id, @QueryParam("max") @DefaultValue("50") int max) {
    return assistant.unanswered(id, Math.max(1, Math.min(max, 500)));
  }

  @POST
  @Extension(name = EncaptioRoles.EXTENSION, value = "member")
  @Path("/messages/{message}/feedback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Thumbs up (1) or down (-1) on an answer")
  public void feedback(
      @PathParam("id") UUID id, @PathParam("message") UUID message, FeedbackRequest request) {
    assistant.feedback(id, message, FeedbackRequest.valueOf(request));
  }
}
