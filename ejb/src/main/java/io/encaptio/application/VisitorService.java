package io.encaptio.application;

import io.encaptio.application.AssistantService.MessageDto;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What visitors do with a published capsule (share page, widget, public API): start or resume a
 * conversation, ask, rate answers, leave contact details, click action buttons. Every action is an
 * analytics event of the capsule. A visitor is known by the id its browser keeps (or the identity a
 * signed embed token vouched for) and sees only its own conversations; anything else is "not
 * found".
 */
public interface VisitorService {

  /** Questions longer than this are refused (the portal's playground allows more). */
  int MAX_MESSAGE = 1000;

  /** Questions one conversation holds; then the visitor starts a new one. */
  int MAX_QUESTIONS = 40;

  /**
   * @param id the visitor's id, {@code [A-Za-z0-9_-]{16,80}}
   * @param identity the {@code sub} of a signed embed token, or null
   * @param origin the page's origin, or null outside a browser
   * @param channel share, widget or api
   */
  record Visitor(String id, String identity, String origin, String channel)
      implements Serializable {}

  record ConversationDto(UUID conversationId, String visitorId, List<MessageDto> messages)
      implements Serializable {}

  /**
   * @param outcome answered, hedged, refused, greeting, small-talk or out-of-scope
   */
  record VisitorAnswerDto(
      UUID conversationId,
      UUID messageId,
      String text,
      String outcome,
      List<CitationDto> citations,
      boolean cached)
      implements Serializable {}

  /**
   * @param fields the lead form's fields (name, email, phone, company, message) as typed
   * @param consent whether the visitor ticked the form's consent
   */
  record LeadSubmission(UUID conversationId, Map<String, String> fields, boolean consent)
      implements Serializable {}

  /**
   * @param updated true when a lead with this e-mail (or phone) was there and is now updated
   */
  record LeadReceipt(UUID leadId, boolean updated) implements Serializable {}

  /**
   * Starts a conversation with the published capsule (an "open" event).
   *
   * @throws CapsuleUnavailableException when the capsule is not published now
   */
  @Requires(Permission.VISIT)
  ConversationDto start(UUID capsuleId, Visitor visitor);

  /** The visitor's conversation with its messages, to resume it. */
  @Requires(Permission.VISIT)
  ConversationDto conversation(UUID capsuleId, UUID conversationId, String visitorId);

  /**
   * Asks in the visitor's conversation; {@code tokens} receives the answer as it is made (see
   * {@link AssistantService#ask}).
   *
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException for an empty or too long message
   * @throws IllegalStateException when the conversation holds {@link #MAX_QUESTIONS} questions
   */
  @Requires(Permission.VISIT)
  VisitorAnswerDto ask(
      UUID capsuleId, UUID conversationId, String visitorId, String text, Consumer<String> tokens);

  /** Thumbs up (+1) or down (-1) on an answer in one of the visitor's conversations. */
  @Requires(Permission.VISIT)
  void feedback(UUID capsuleId, UUID messageId, String visitorId, int value);

  /**
   * Stores the details the visitor left in the published capsule's lead form (one lead per e-mail
   * address), links the conversation, and emits a {@code lead.captured} event for integrations.
   *
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException naming each field to fix
   * @throws IllegalStateException when the capsule has no lead form
   */
  @Requires(Permission.VISIT)
  LeadReceipt submitLead(UUID capsuleId, String visitorId, LeadSubmission lead);

  /**
   * Records what the visitor did that the server does not see itself: a click on an action button
   * ({@code button-click}, detail: its label).
   */
  @Requires(Permission.VISIT)
  void record(UUID capsuleId, UUID conversationId, String visitorId, String kind, String detail);

  /** Whether a visitor id is well formed ({@code [A-Za-z0-9_-]{16,80}}). */
  static boolean wellFormedVisitorId(String id) {
    return id != null && id.matches("[A-Za-z0-9_-]{16,80}");
  }
}
