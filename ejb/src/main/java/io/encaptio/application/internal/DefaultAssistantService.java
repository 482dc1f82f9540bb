package io.encaptio.application.internal;

import io.encaptio.application.AssistantService;
import io.encaptio.application.CitationDto;
import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.application.NotFoundException;
import io.encaptio.application.ProductMetrics;
import io.encaptio.application.RetrievalService.PassageDto;
import io.encaptio.domain.ai.AnswerCache;
import io.encaptio.domain.ai.CachedAnswer;
import io.encaptio.domain.ai.Citation;
import io.encaptio.domain.ai.ConversationRepository;
import io.encaptio.domain.ai.Message;
import io.encaptio.domain.analytics.AnalyticsEvent;
import io.encaptio.domain.analytics.AnalyticsEventRepository;
import io.encaptio.domain.capsule.CapsuleRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers in three steps: {@link AssistantSteps#prepare} (a transaction), {@link Answering} (no
 * transaction: a chat model may take seconds), {@link AssistantSteps#record} (a transaction).
 */
@Stateless
@Local(AssistantService.class)
public class DefaultAssistantService implements AssistantService {

  private static final Logger LOG = Logger.getLogger(DefaultAssistantService.class.getName());

  @EJB AssistantSteps steps;
  @Inject Answering answering;
  @Inject AnswerCache cache;
  @Inject CapsuleRepository capsules;
  @Inject ConversationRepository conversations;
  @Inject AnalyticsEventRepository events;
  @Inject ProductMetrics metrics;

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public AnswerDto ask(UUID capsuleId, Ask ask, String askedBy, Consumer<String> tokens) {
    try {
      return answer(capsuleId, ask, askedBy, tokens);
    } catch (RuntimeException e) {
      if (!refusal(e)) {
        metrics.failed();
      }
      throw e;
    }
  }

  /** A refusal the caller is told about (an application exception), not a failure. */
  private static boolean refusal(RuntimeException e) {
    for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(jakarta.ejb.ApplicationException.class)) {
        return true;
      }
    }
    return false;
  }

  private AnswerDto answer(UUID capsuleId, Ask ask, String askedBy, Consumer<String> tokens) {
    long start = System.nanoTime();
    Prepared prepared =
        ask.visitorId() == null
            ? steps.prepare(capsuleId, ask.conversationId(), ask.question(), ask.draft())
            : steps.prepareForVisitor(
                capsuleId, ask.conversationId(), ask.visitorId(), ask.question());
    Map<String, Double> millis = new LinkedHashMap<>();
    if (prepared.sources().retrieval() != null) {
      millis.putAll(prepared.sources().retrieval().millis());
    }
    millis.put("prepare", elapsed(start));
    long generating = System.nanoTime();
    Answered answered = answering.answer(prepared, tokens);
    millis.put("answer", elapsed(generating));
    if (prepared.sources().cacheKey() != null && !answered.cached()) {
      cache.put(
          prepared.sources().cacheKey(),
          new CachedAnswer(answered.answer(), answered.outcome(), answered.usage()));
    }
    long recording = System.nanoTime();
    List<Message> stored =
        steps.record(prepared, answered, askedBy, (int) ((System.nanoTime() - start) / 1_000_000));
    if (AssistantSteps.clustered(prepared, answered, ask.visitorId() != null)) {
      // no transaction is begun for what is not clustered
      try {
        steps.cluster(prepared, answered, stored.get(0), stored.get(1));
      } catch (RuntimeException e) {
        // the conversation is recorded; the gap loop misses this one question
        LOG.log(Level.WARNING, "Question " + stored.get(0).id() + " was not clustered", e);
      }
    }
    millis.put("record", elapsed(recording));
    millis.put("total", elapsed(start));
    metrics.answered(
        answered.outcome(),
        answered.cached(),
        Duration.ofNanos(generating - start),
        Duration.ofNanos(System.nanoTime() - start));
    return toDto(prepared, answered, stored.get(1), millis);
  }

  @Override
  public List<MessageDto> conversation(UUID capsuleId, UUID conversationId) {
    conversations
        .ofCapsule(capsuleId, conversationId)
        .orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
    return conversations.messages(conversationId).stream()
        .map(DefaultAssistantService::toDto)
        .toList();
  }

  static MessageDto toDto(Message m) {
    return new MessageDto(
        m.id(),
        m.role(),
        m.text(),
        m.outcome(),
        toDto(m.citations()),
        m.model(),
        m.cached(),
        m.createdAt(),
        m.feedbackValue());
  }

  static List<CitationDto> toDto(List<Citation> citations) {
    return citations.stream()
        .map(
            c ->
                new CitationDto(
                    c.number(),
                    c.chunkId(),
                    c.itemId(),
                    c.itemTitle(),
                    c.headingPath(),
                    c.page(),
                    c.position(),
                    c.snippet()))
        .toList();
  }

  @Override
  public void feedback(UUID capsuleId, UUID messageId, int value) {
    Message message =
        conversations
            .messageOfCapsule(capsuleId, messageId)
            .orElseThrow(
                () -> new NotFoundException("No answer " + messageId + " in this capsule."));
    message.feedback(value);
  }

  @Override
  public List<UnansweredDto> unanswered(UUID capsuleId, int max) {
    capsules.find(capsuleId).orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
    return events.latest(capsuleId, AnalyticsEvent.UNANSWERED, max).stream()
        .map(e -> new UnansweredDto(e.detail(), e.conversationId(), e.createdAt()))
        .toList();
  }

  private static AnswerDto toDto(
      Prepared prepared, Answered answered, Message message, Map<String, Double> millis) {
    List<PassageDto> passages =
        prepared.sources().retrieval() == null
            ? List.of()
            : prepared.sources().retrieval().passages().stream()
                .map(DefaultRetrievalService::toDto)
                .toList();
    return new AnswerDto(
        message.conversationId(),
        message.id(),
        prepared.question().text(),
        prepared.question().standalone(),
        prepared.question().intent().label(),
        answered.answer().text(),
        answered.outcome().dbValue(),
        toDto(answered.answer().citations()),
        answered.unsupported(),
        answered.fallbacks(),
        answered.cached(),
        answered.usage().model(),
        prepared.assistant().variant(),
        answered.usage().inputTokens(),
        answered.usage().outputTokens(),
        answered.usage().costMicros(),
        prepared.assistant().version(),
        passages,
        millis);
  }

  private static double elapsed(long start) {
    return Math.round((System.nanoTime() - start) / 1e4) / 100.0;
  }
}
