package io.encaptio.application.internal;

import io.encaptio.application.AssistantService.AnswerDto;
import io.encaptio.application.AssistantService.MessageDto;
import io.encaptio.application.CapsuleUnavailableException;
import io.encaptio.application.NotFoundException;
import io.encaptio.application.VisitorService;
import io.encaptio.domain.ai.Conversation;
import io.encaptio.domain.ai.ConversationRepository;
import io.encaptio.domain.ai.Message;
import io.encaptio.domain.analytics.AnalyticsEvent;
import io.encaptio.domain.analytics.AnalyticsEventRepository;
import io.encaptio.domain.capsule.Capsule;
import io.encaptio.domain.capsule.CapsuleRepository;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.UUID;

/** The short transactions around a visitor's question (see {@link DefaultVisitorService#ask}). */
@Stateless
@LocalBean
public class VisitorSteps {

  @Inject CapsuleRepository capsules;
  @Inject ConversationRepository conversations;
  @Inject AnalyticsEventRepository events;

  /** The capsule's conversation if this visitor started it; "not found" for anyone else. */
  public Conversation visitorsConversation(UUID capsuleId, UUID conversationId, String visitorId) {
    return conversations
        .ofCapsule(capsuleId, conversationId)
        .filter(c -> c.belongsTo(visitorId))
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No conversation "
                        + conversationId
                        + " of yours here; start one with POST …/conversations."));
  }

  /** The capsule is live, the conversation the visitor's, and it has room for a question. */
  public void checkAsk(UUID capsuleId, UUID conversationId, String visitorId) {
    capsules
        .find(capsuleId)
        .filter(Capsule::liveForVisitors)
        .orElseThrow(CapsuleUnavailableException::new);
    Conversation conversation = visitorsConversation(capsuleId, conversationId, visitorId);
    long asked =
        conversations.messages(conversation.id()).stream()
            .filter(m -> Message.VISITOR.equals(m.role()))
            .count();
    if (asked >= VisitorService.MAX_QUESTIONS) {
      throw new IllegalStateException(
          "This conversation holds "
              + VisitorService.MAX_QUESTIONS
              + " questions, the most one can; start a new conversation.");
    }
  }

  /** The question and its answer as analytics events (the answer's detail: its outcome). */
  public void answered(UUID capsuleId, AnswerDto answer) {
    events.add(
        AnalyticsEvent.of(
            capsuleId, AnalyticsEvent.MESSAGE, answer.conversationId(), null, answer.intent()));
    events.add(
        AnalyticsEvent.of(
            capsuleId,
            AnalyticsEvent.ANSWER,
            answer.conversationId(),
            answer.messageId(),
            answer.outcome()));
  }

  static MessageDto toDto(Message message) {
    return DefaultAssistantService.toDto(message).forVisitors();
  }
}
