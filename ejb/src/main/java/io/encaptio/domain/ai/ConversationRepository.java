package io.encaptio.domain.ai;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Conversations and their messages in the current tenant's schema. */
public interface ConversationRepository {

  void add(Conversation conversation);

  Optional<Conversation> find(UUID id);

  void add(Message message);

  /** The conversation's messages, oldest first. */
  List<Message> messages(UUID conversationId);

  Optional<Message> message(UUID id);

  /** The capsule's conversation; one of another capsule (or tenant) is not found. */
  default Optional<Conversation> ofCapsule(UUID capsuleId, UUID conversationId) {
    return find(conversationId).filter(c -> c.capsuleId().equals(capsuleId));
  }

  /** The capsule's conversation if this visitor started it. */
  default Optional<Conversation> ofVisitor(UUID capsuleId, UUID conversationId, String visitorId) {
    return ofCapsule(capsuleId, conversationId).filter(c -> c.belongsTo(visitorId));
  }

  /** A message of one of the capsule's conversations. */
  default Optional<Message> messageOfCapsule(UUID capsuleId, UUID messageId) {
    return message(messageId).filter(m -> ofCapsule(capsuleId, m.conversationId()).isPresent());
  }

  /**
   * The capsule's visitor conversations (not the playground's), latest first; {@code only} narrows
   * to one conversation, {@code unansweredOnly} to those with an unanswered question.
   */
  List<ConversationSummary> summaries(UUID capsuleId, int max, boolean unansweredOnly, UUID only);

  /** The capsule's answers to questions (not greetings) per A/B variant, "a" first. */
  List<VariantFigures> variants(UUID capsuleId);
}
