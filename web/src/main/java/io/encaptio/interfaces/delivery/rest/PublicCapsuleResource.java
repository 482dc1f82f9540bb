package io.encaptio.interfaces.delivery.rest;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.PublishedCapsuleDto;
import io.encaptio.application.VisitorLimits;
import io.encaptio.application.VisitorService;
import io.encaptio.application.VisitorService.ConversationDto;
import io.encaptio.application.VisitorService.LeadReceipt;
import io.encaptio.application.VisitorService.LeadSubmission;
import io.encaptio.application.VisitorService.Visitor;
import io.encaptio.application.VisitorService.VisitorAnswerDto;
import io.encaptio.interfaces.assistant.rest.AssistantRequests.FeedbackRequest;
import io.encaptio.interfaces.problem.Problem;
import io.encaptio.interfaces.problem.ProblemType;
import io.encaptio.interfaces.rest.AnswerStream;
import io.encaptio.interfaces.rest.BrandImages;
import io.encaptio.interfaces.rest.EditorRequests;
import io.encaptio.interfaces.security.PublicCapsuleFilter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The visitors' API, used by the share page and the widget and open to anyone with a capsule's
 * public key: the published capsule, conversations, questions (JSON, or streamed as server-sent
 * events), feedback, leads and button clicks. {@link PublicCapsuleFilter} has already resolved the
 * key, checked the page's origin and any embed token, and counted the call.
 *
 * <p>A visitor is known by the id it got when it started its first conversation (header {@code
 * Encaptio-Visitor} on later calls), or by the identity its signed embed token carries; it sees
 * only its own conversations.
 */
@Path("/public/v1/capsules/{key}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PublicCapsuleResource {

  static final String VISITOR_HEADER = "Encaptio-Visitor";
  private static final Set<String> CHANNELS = Set.of("share", "widget", "api");

  @EJB CapsuleService capsules;
  @EJB VisitorService visitors;
  @Inject VisitorLimits limits;
  @Context HttpServletRequest request;

  /** Starts a conversation; {@code visitorId} continues as a known visitor. */
  public record StartRequest(String visitorId, String channel) {}

  public record MessageRequest(String text) {}

  public record LeadRequest(UUID conversationId, Map<String, String> fields, Boolean consent) {}

  /** Something the visitor did in the page: {@code kind} button-click, {@code detail} its label. */
  public record EventRequest(UUID conversationId, String kind, String detail) {}

  @GET
  @Operation(summary = "The published capsule behind a public key")
  public Response published(@PathParam("key") String key) {
    Optional<PublishedCapsuleDto> published = capsules.published(capsule());
    if (published.isEmpty()) {
      return Problem.of(
              ProblemType.CAPSULE_UNAVAILABLE,
              "This capsule is not published right now.",
              request.getRequestURI())
          .toResponse();
    }
    return Response.ok(published.get()).build();
  }

  /** The published brand's logo or avatar (other images of the capsule are not public). */
  @GET
  @Path("/assets/{asset}")
  @Produces("image/*")
  @Operation(summary = "The published capsule's logo or avatar")
  public Response brandImage(@PathParam("key") String key, @PathParam("asset") String asset) {
    UUID id;
    try {
      id = UUID.fromString(asset);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No such image.");
    }
    return capsules
        .publishedBrandImage(capsule(), id)
        .map(BrandImages::response)
        .orElseThrow(() -> new NotFoundException("No such image."));
  }

  @POST
  @Path("/conversations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a conversation (returns the visitor id to send on later calls)")
  public Response start(@PathParam("key") String key, StartRequest body, @Context UriInfo uri) {
    StartRequest start = body == null ? new StartRequest(null, null) : body;
    String channel = start.channel() == null ? "api" : start.channel();
    if (!CHANNELS.contains(channel)) {
      throw new BadRequestException("Unknown channel \"" + channel + "\": share, widget or api.");
    }
    String identity = identity();
    ConversationDto started =
        visitors.start(
            capsule(),
            new Visitor(
                identity == null ? start.visitorId() : fromIdentity(identity),
                identity,
                (String) request.getAttribute(PublicCapsuleFilter.ORIGIN),
                channel));
    return Response.created(
            uri.getAbsolutePathBuilder().path(started.conversationId().toString()).build())
        .entity(started)
        .build();
  }

  @GET
  @Path("/conversations/{conversation}")
  @Operation(summary = "The visitor's conversation, to resume it")
  public ConversationDto conversation(
      @PathParam("key") String key,
      @PathParam("conversation") UUID conversation,
      @HeaderParam(VISITOR_HEADER) String visitor) {
    return visitors.conversation(capsule(), conversation, visitor(visitor));
  }

  /** Asks in the visitor's conversation; the answer as JSON. */
  @POST
  @Path("/conversations/{conversation}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ask (JSON; Accept: text/event-stream streams the answer)")
  public VisitorAnswerDto ask(
      @PathParam("key") String key,
      @PathParam("conversation") UUID conversation,
      @HeaderParam(VISITOR_HEADER) String visitor,
      MessageRequest body) {
    String visitorId = admitMessage(visitor);
    return visitors.ask(capsule(), conversation, visitorId, text(body), token -> {});
  }

  /**
   * The same, streamed as server-sent events: {@code token} events as the answer is made ({@code
   * restart} when a model failed and the next starts over), then {@code answer} with the checked
   * answer and its citations, or {@code error} with a problem.
   */
  @POST
  @Path("/conversations/{conversation}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(AnswerStream.MEDIA_TYPE)
  public void askStreamed(
      @PathParam("key") String key,
      @PathParam("conversation") UUID conversation,
      @HeaderParam(VISITOR_HEADER) String visitor,
      MessageRequest body,
      @Context SseEventSink events,
      @Context Sse sse) {
    String visitorId = admitMessage(visitor);
    String text = text(body);
    UUID capsule = capsule();
    new AnswerStream(events, sse)
        .run(
            request.getRequestURI(),
            tokens -> visitors.ask(capsule, conversation, visitorId, text, tokens));
  }

  @POST
  @Path("/messages/{message}/feedback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Thumbs up (1) or down (-1) on an answer of the visitor's conversation")
  public void feedback(
      @PathParam("key") String key,
      @PathParam("message") UUID message,
      @HeaderParam(VISITOR_HEADER) String visitor,
      FeedbackRequest body) {
    visitors.feedback(capsule(), message, visitor(visitor), FeedbackRequest.valueOf(body));
  }

  @POST
  @Path("/leads")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Leave contact details through the capsule's lead form")
  public Response lead(
      @PathParam("key") String key, @HeaderParam(VISITOR_HEADER) String visitor, LeadRequest body) {
    LeadRequest lead = EditorRequests.body(body);
    LeadReceipt receipt =
        visitors.submitLead(
            capsule(),
            visitor(visitor),
            new LeadSubmission(
                lead.conversationId(), lead.fields(), Boolean.TRUE.equals(lead.consent())));
    return Response.status(receipt.updated() ? 200 : 201).entity(receipt).build();
  }

  @POST
  @Path("/events")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Record a click on an action button")
  public void event(
      @PathParam("key") String key,
      @HeaderParam(VISITOR_HEADER) String visitor,
      EventRequest body) {
    EventRequest event = EditorRequests.body(body);
    visitors.record(
        capsule(), event.conversationId(), visitor(visitor), event.kind(), event.detail());
  }

  private UUID capsule() {
    return (UUID) request.getAttribute(PublicCapsuleFilter.CAPSULE_ID);
  }

  private String identity() {
    return (String) request.getAttribute(PublicCapsuleFilter.VISITOR_IDENTITY);
  }

  /** The visitor: the identity a token vouched for, else the id the browser keeps. */
  private String visitor(String header) {
    String identity = identity();
    if (identity != null) {
      return fromIdentity(identity);
    }
    if (header == null || !VisitorService.wellFormedVisitorId(header)) {
      throw new BadRequestException(
          "Send the visitor id you got when the conversation started, in the "
              + VISITOR_HEADER
              + " header.");
    }
    return header;
  }

  /** Counts a question against the visitor's, the address's and the capsule's limits. */
  private String admitMessage(String header) {
    String visitorId = visitor(header);
    limits.message(
        (String) request.getAttribute(PublicCapsuleFilter.PLAN),
        capsule(),
        visitorId,
        request.getRemoteAddr());
    return visitorId;
  }

  /** The message's text; its length and content are the service's to check. */
  private static String text(MessageRequest body) {
    return EditorRequests.body(body).text();
  }

  /** A token's identity as a visitor id: its SHA-256, so any identity fits and none is shown. */
  static String fromIdentity(String identity) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return "t_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
