package io.encaptio.application.internal;

import io.encaptio.application.AssistantService.MessageDto;
import io.encaptio.application.NotFoundException;
import io.encaptio.domain.ai.Conversation;
import io.encaptio.domain.ai.ConversationRepository;
import io.encaptio.domain.ai.Message;
import java.util.UUID;

/** A visitor's conversations as the visitor may see them. */
final class VisitorConversations {

  private VisitorConversations() {}

  /** The capsule's conversation if this visitor started it; "not found" for anyone else. */
  static Conversation require(
      ConversationRepository conversations, UUID capsuleId, UUID conversationId, String visitor) {
    return conversations
        .ofVisitor(capsuleId, conversationId, visitor)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No conversation "
                        + conversationId
                        + " of yours here; start one with POST …/conversations."));
  }

  /** What a visitor sees of a message: not which model answered. */
  static MessageDto toDto(Message message) {
    return DefaultAssistantService.toDto(message).forVisitors();
  }
}
