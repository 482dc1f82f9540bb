package io.encaptio.application.internal;

import io.encaptio.application.AssistantService;
import io.encaptio.application.AssistantService.AnswerDto;
import io.encaptio.application.AssistantService.Ask;
import io.encaptio.application.AssistantService.MessageDto;
import io.encaptio.application.CapsuleUnavailableException;
import io.encaptio.application.NotFoundException;
import io.encaptio.application.VisitorService;
import io.encaptio.domain.ai.Conversation;
import io.encaptio.domain.ai.ConversationRepository;
import io.encaptio.domain.ai.Message;
import io.encaptio.domain.analytics.AnalyticsEvent;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.capsule.CapsuleVersion;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.event.OutboxEvent;
import io.encaptio.domain.event.OutboxRepository;
import io.encaptio.domain.gap.QuestionClusterRepository;
import io.encaptio.domain.lead.Lead;
import io.encaptio.domain.lead.LeadDetails;
import io.encaptio.domain.lead.LeadRepository;
import io.encaptio.domain.notification.NotificationKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** Each method is one transaction in the capsule's tenant schema, except {@link #ask}. */
@Stateless
@Local(VisitorService.class)
public class DefaultVisitorService implements VisitorService {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<String> RECORDED_KINDS = Set.of(AnalyticsEvent.BUTTON_CLICK);

  @Inject CapsuleRepository capsules;
  @Inject ConversationRepository conversations;
  @Inject AnalyticsEvents events;
  @Inject LeadRepository leads;
  @Inject OutboxRepository outbox;
  @Inject Notifier notifier;
  @Inject QuestionClusterRepository clusters;
  @EJB AssistantService assistant;

  @Override
  public ConversationDto start(UUID capsuleId, Visitor visitor) {
    capsules.live(capsuleId).orElseThrow(CapsuleUnavailableException::new);
    String visitorId = visitor.id() == null ? newVisitorId() : visitor.id();
    if (!VisitorService.wellFormedVisitorId(visitorId)) {
      throw new InvalidCapsuleException(
          Map.of(
              "visitorId",
              "A visitor id is 16 to 80 letters, digits, '-' or '_'; leave it out to get one."));
    }
    Conversation conversation =
        Conversation.startForVisitor(
            capsuleId, visitor.channel(), visitorId, visitor.identity(), visitor.origin());
    conversations.add(conversation);
    events.record(
        AnalyticsEvent.of(
            capsuleId, AnalyticsEvent.OPEN, conversation.id(), null, visitor.channel()));
    return new ConversationDto(conversation.id(), visitorId, List.of());
  }

  @Override
  public ConversationDto conversation(UUID capsuleId, UUID conversationId, String visitorId) {
    Conversation conversation =
        VisitorConversations.require(conversations, capsuleId, conversationId, visitorId);
    List<MessageDto> messages =
        conversations.messages(conversation.id()).stream()
            .map(VisitorConversations::toDto)
            .toList();
    return new ConversationDto(conversation.id(), visitorId, messages);
  }

  /**
   * Outside a transaction, as {@link AssistantService#ask} is: the checks (the message's length,
   * live capsule, the visitor's conversation, room for a question) run in its first transaction,
   * the analytics events in its last.
   */
  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public VisitorAnswerDto ask(
      UUID capsuleId, UUID conversationId, String visitorId, String text, Consumer<String> tokens) {
    AnswerDto answer =
        assistant.ask(
            capsuleId, new Ask(text, conversationId, false, visitorId), "visitor", tokens);
    return new VisitorAnswerDto(
        answer.conversationId(),
        answer.messageId(),
        answer.text(),
        answer.outcome(),
        answer.citations(),
        answer.cached());
  }

  @Override
  public void feedback(UUID capsuleId, UUID messageId, String visitorId, int value) {
    Message message =
        conversations
            .message(messageId)
            .filter(
                m -> conversations.ofVisitor(capsuleId, m.conversationId(), visitorId).isPresent())
            .orElseThrow(() -> new NotFoundException("No answer " + messageId + " for you here."));
    message.feedback(value);
    clusters.feedback(messageId, value < 0);
    events.record(
        AnalyticsEvent.of(
            capsuleId,
            AnalyticsEvent.FEEDBACK,
            message.conversationId(),
            messageId,
            value > 0 ? "+1" : "-1"));
  }

  @Override
  public LeadReceipt submitLead(UUID capsuleId, String visitorId, LeadSubmission submission) {
    CapsuleVersion published =
        capsules.visibleVersion(capsuleId).orElseThrow(CapsuleUnavailableException::new);
    if (submission.conversationId() == null) {
      throw new InvalidCapsuleException(
          Map.of("conversationId", "Send the conversation the details were left in."));
    }
    Conversation conversation =
        VisitorConversations.require(
            conversations, capsuleId, submission.conversationId(), visitorId);
    LeadDetails details =
        LeadDetails.checked(
            published.settings().leadForm(),
            submission.fields() == null ? Map.of() : submission.fields(),
            submission.consent());
    Optional<Lead> known = leads.find(capsuleId, details.email(), details.phone());
    Lead lead;
    if (known.isPresent()) {
      lead = known.get();
      lead.submittedAgain(details);
    } else {
      lead = Lead.of(capsuleId, details);
      leads.add(lead);
    }
    leads.linkConversation(lead.id(), conversation.id());
    events.record(AnalyticsEvent.of(capsuleId, AnalyticsEvent.LEAD, conversation.id(), null, null));
    OutboxEvent captured =
        OutboxEvent.of(
            OutboxEvent.LEAD_CAPTURED, capsuleId, leadPayload(lead, published, conversation));
    outbox.add(captured);
    Map<String, String> facts = new java.util.LinkedHashMap<>();
    facts.put("name", lead.name());
    facts.put("email", lead.email());
    facts.put("phone", lead.phone());
    facts.put("company", lead.company());
    facts.put("message", lead.message());
    facts.values().removeIf(java.util.Objects::isNull);
    notifier.raise(
        NotificationKind.LEAD_CAPTURED, capsuleId, lead.id() + ":" + captured.id(), facts);
    return new LeadReceipt(lead.id(), known.isPresent());
  }

  @Override
  public void record(
      UUID capsuleId, UUID conversationId, String visitorId, String kind, String detail) {
    if (!RECORDED_KINDS.contains(kind)) {
      throw new InvalidCapsuleException(Map.of("kind", "Record one of " + RECORDED_KINDS + "."));
    }
    if (detail == null || detail.isBlank() || detail.length() > 200) {
      throw new InvalidCapsuleException(
          Map.of("detail", "Say which button: its label, up to 200 characters."));
    }
    Conversation conversation =
        VisitorConversations.require(conversations, capsuleId, conversationId, visitorId);
    events.record(AnalyticsEvent.of(capsuleId, kind, conversation.id(), null, detail.strip()));
  }

  /** The lead, its capsule and the conversation's transcript with citations, as JSON. */
  private String leadPayload(Lead lead, CapsuleVersion published, Conversation conversation) {
    JsonArrayBuilder transcript = Json.createArrayBuilder();
    for (Message message : conversations.messages(conversation.id())) {
      JsonArrayBuilder citations = Json.createArrayBuilder();
      message
          .citations()
          .forEach(
              c -> {
                JsonObjectBuilder citation =
                    Json.createObjectBuilder()
                        .add("n", c.number())
                        .add("item", c.itemTitle())
                        .add("snippet", c.snippet());
                addIfPresent(citation, "heading", c.headingPath());
                addIfPresent(citation, "position", c.position());
                if (c.page() != null) {
                  citation.add("page", c.page());
                }
                citations.add(citation);
              });
      transcript.add(
          Json.createObjectBuilder()
              .add("role", message.role())
              .add("text", message.text())
              .add("at", message.createdAt().toString())
              .add("citations", citations));
    }
    JsonObjectBuilder contact = Json.createObjectBuilder();
    addIfPresent(contact, "email", lead.email());
    addIfPresent(contact, "name", lead.name());
    addIfPresent(contact, "phone", lead.phone());
    addIfPresent(contact, "company", lead.company());
    addIfPresent(contact, "message", lead.message());
    return Json.createObjectBuilder()
        .add("leadId", lead.id().toString())
        .add("capsuleId", lead.capsuleId().toString())
        .add("capsuleName", published.name())
        .add("conversationId", conversation.id().toString())
        .add("submissions", lead.submissions())
        .add("contact", contact)
        .add("consent", lead.consent())
        .add("transcript", transcript)
        .build()
        .toString();
  }

  private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  private static String newVisitorId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "v_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
