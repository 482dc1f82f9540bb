package io.encaptio.interfaces.capsule.rest;

import static io.encaptio.interfaces.capsule.rest.EditorRequests.body;
import static io.encaptio.interfaces.capsule.rest.EditorRequests.requireEditor;

import io.encaptio.application.AssistantService;
import io.encaptio.application.AssistantService.AnswerDto;
import io.encaptio.application.AssistantService.Ask;
import io.encaptio.application.AssistantService.MessageDto;
import io.encaptio.application.AssistantService.UnansweredDto;
import io.encaptio.application.ChatModelService;
import io.encaptio.application.ChatModelService.RoutingDto;
import io.encaptio.application.ChatModelService.VariantDto;
import io.encaptio.application.RetrievalService;
import io.encaptio.application.RetrievalService.Search;
import io.encaptio.application.RetrievalService.SearchResultDto;
import io.encaptio.domain.capsule.RetrievalSettings;
import io.encaptio.interfaces.capsule.rest.AssistantRequests.AskRequest;
import io.encaptio.interfaces.capsule.rest.AssistantRequests.FeedbackRequest;
import io.encaptio.interfaces.capsule.rest.AssistantRequests.RetrievalChange;
import io.encaptio.interfaces.capsule.rest.AssistantRequests.SearchRequest;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A capsule's assistant as its editors see it: ask it (the playground), search its passages with
 * every stage's scores, tune how it searches, and see what it could not answer. Everyone in the
 * organization may ask; editors search and tune. Capsules of other tenants answer 404.
 */
@Path("/v1/capsules/{id}/assistant")
@RequestScoped
@RolesAllowed("api-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AssistantResource {

  /** Events only when asked for: without an Accept header, the JSON answer wins (qs). */
  static final String STREAM = MediaType.SERVER_SENT_EVENTS + ";qs=0.5";

  @EJB RetrievalService retrieval;
  @EJB AssistantService assistant;
  @EJB ChatModelService chatModels;
  @Inject CurrentCaller caller;

  /**
   * Asks the capsule a question in a conversation (the playground): the draft's settings by
   * default, or the published version's with {@code "draft": false} (cached). The answer comes with
   * its citations, what retrieval found with each stage's scores, the time of each stage, tokens
   * and cost.
   */
  @POST
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
  @Path("/ask")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(STREAM)
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
  @Path("/conversations/{conversation}")
  @Operation(summary = "A conversation's messages, oldest first")
  public List<MessageDto> conversation(
      @PathParam("id") UUID id, @PathParam("conversation") UUID conversation) {
    return assistant.conversation(id, conversation);
  }

  @GET
  @Path("/unanswered")
  @Operation(summary = "The latest questions the content could not answer, newest first")
  public List<UnansweredDto> unanswered(
      @PathParam("id") UUID id, @QueryParam("max") @DefaultValue("50") int max) {
    return assistant.unanswered(id, Math.max(1, Math.min(max, 500)));
  }

  /**
   * The passages retrieval finds for a question, best first, with vector, keyword and fused scores
   * and ranks and the time of each stage; {@code settings} tries other retrieval settings without
   * saving them.
   */
  @POST
  @Path("/search")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Find the capsule's passages for a question (hybrid, vector or keyword)")
  public SearchResultDto search(@PathParam("id") UUID id, SearchRequest request) {
    requireEditor(caller);
    SearchRequest search = body(request);
    RetrievalSettings settings =
        search.settings() == null ? null : search.settings().applyTo(retrieval.settings(id));
    return retrieval.search(
        id,
        new Search(
            search.question(),
            search.searchMode(),
            search.limitOr(10),
            settings,
            search.items(),
            search.tags(),
            search.language()));
  }

  @POST
  @Path("/messages/{message}/feedback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Thumbs up (1) or down (-1) on an answer")
  public void feedback(
      @PathParam("id") UUID id, @PathParam("message") UUID message, FeedbackRequest request) {
    assistant.feedback(id, message, FeedbackRequest.valueOf(request));
  }

  @GET
  @Path("/routing")
  @Operation(summary = "The chat models the capsule answers with (chain A, optional variant B)")
  public RoutingDto routing(@PathParam("id") UUID id) {
    return chatModels.routing(id);
  }

  /**
   * Chooses the chat models: {@code primary} in fallback order, {@code challenger} and its {@code
   * challengerShare} (percent of new conversations) for an A/B comparison. Empty lists: the
   * extractive answer.
   */
  @PUT
  @Path("/routing")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Choose the chat models and an optional A/B split")
  public RoutingDto changeRouting(@PathParam("id") UUID id, RoutingDto request) {
    requireEditor(caller);
    return chatModels.changeRouting(id, body(request));
  }

  @GET
  @Path("/experiment")
  @Operation(summary = "Answer rate, feedback, latency and cost per A/B variant")
  public List<VariantDto> experiment(@PathParam("id") UUID id) {
    return chatModels.experiment(id);
  }

  @GET
  @Path("/retrieval")
  @Operation(summary = "How the capsule searches its content (candidates, fusion, passages)")
  public RetrievalSettings retrievalSettings(@PathParam("id") UUID id) {
    return retrieval.settings(id);
  }

  @PUT
  @Path("/retrieval")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change how the capsule searches; fields left out stay as they are")
  public RetrievalSettings changeRetrieval(@PathParam("id") UUID id, RetrievalChange request) {
    requireEditor(caller);
    return retrieval.changeSettings(id, body(request).applyTo(retrieval.settings(id)));
  }
}
