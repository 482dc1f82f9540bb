package io.encaptio.application.internal;

import io.encaptio.application.CapsuleUnavailableException;
import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.application.VisitorService;
import io.encaptio.domain.ai.AnswerCache;
import io.encaptio.domain.ai.CachedAnswer;
import io.encaptio.domain.ai.ChatModelRepository;
import io.encaptio.domain.ai.ChatPrompt;
import io.encaptio.domain.ai.Conversation;
import io.encaptio.domain.ai.ConversationRepository;
import io.encaptio.domain.ai.FollowUps;
import io.encaptio.domain.ai.Intent;
import io.encaptio.domain.ai.Message;
import io.encaptio.domain.ai.ModelCall;
import io.encaptio.domain.ai.Outcome;
import io.encaptio.domain.ai.PassageFilter;
import io.encaptio.domain.ai.PassageIndex;
import io.encaptio.domain.ai.Questions;
import io.encaptio.domain.ai.Retrieval;
import io.encaptio.domain.ai.SearchMode;
import io.encaptio.domain.ai.SecretBox;
import io.encaptio.domain.analytics.AnalyticsEvent;
import io.encaptio.domain.capsule.Capsule;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.capsule.ModelRouting;
import io.encaptio.domain.capsule.RetrievalSettings;
import io.encaptio.domain.shared.ConflictException;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * The two transactions of answering a question, so that no transaction (and no database connection)
 * is held while a chat model writes the answer: {@link #prepare} reads everything the answer needs,
 * {@link #record} stores both messages and the events.
 */
@Stateless
@LocalBean
public class AssistantSteps {

  private static final Logger LOG = Logger.getLogger(AssistantSteps.class.getName());

  static final int MAX_QUESTION = 2000;

  /** Earlier messages a chat model sees of the conversation. */
  static final int HISTORY = 6;

  @Inject CapsuleRepository capsules;
  @Inject ConversationRepository conversations;
  @Inject PassageIndex index;
  @Inject Retriever retriever;
  @Inject AnswerCache cache;
  @Inject AnalyticsEvents events;
  @Inject ChatModelRepository models;
  @Inject SecretBox secrets;
  @Inject QuestionGaps gaps;

  public Prepared prepare(UUID capsuleId, UUID conversationId, String asked, boolean draft) {
    String question = Questions.checked(asked, MAX_QUESTION);
    Capsule capsule =
        capsules.find(capsuleId).orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
    return prepare(capsule, conversationId, question, draft, true, null);
  }

  /**
   * A visitor's question in its conversation: at most {@link VisitorService#MAX_MESSAGE}
   * characters, the capsule live (published, not archived), the conversation the visitor's (else
   * "not found") with room for one more question.
   */
  public Prepared prepareForVisitor(
      UUID capsuleId, UUID conversationId, String visitorId, String asked) {
    String question = Questions.checked(asked, VisitorService.MAX_MESSAGE);
    Capsule capsule = capsules.live(capsuleId).orElseThrow(CapsuleUnavailableException::new);
    return prepare(capsule, conversationId, question, false, true, visitorId);
  }

  /**
   * A question as visitors would get it answered now (the published version, or the draft of a
   * capsule never published), outside any conversation and never from the cache: golden questions.
   */
  public Prepared prepareCheck(UUID capsuleId, String asked) {
    String question = Questions.checked(asked, MAX_QUESTION);
    Capsule capsule =
        capsules.find(capsuleId).orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
    return prepare(capsule, null, question, capsule.publishedVersion() == null, false, null);
  }

  /**
   * The steps of making a question ready: the version that answers and its settings, the
   * conversation so far, the question's intent and standalone form, the model chain of the
   * conversation's variant, then for a real question the cached answer or what retrieval finds.
   *
   * @param question already checked by the caller, against its own length limit
   * @param visitorId a visitor's question: the conversation must be that visitor's
   */
  private Prepared prepare(
      Capsule capsule,
      UUID conversationId,
      String question,
      boolean draft,
      boolean cacheable,
      String visitorId) {
    Integer version = answeringVersion(capsule, draft);
    List<Message> earlier =
        conversationId == null ? List.of() : earlier(capsule.id(), conversationId, visitorId);
    Prepared.Question asked = asked(conversationId, earlier, question);
    String variant = variant(earlier, capsule.routing());
    Prepared.Assistant assistant =
        new Prepared.Assistant(
            capsule.id(),
            capsule.name(),
            version == null
                ? capsule.draft()
                : capsules.version(capsule.id(), version).orElseThrow().settings(),
            version,
            capsule.indexing().model(),
            variant,
            asked.isQuestion() ? chain(capsule.routing().chain(variant)) : List.of());
    Prepared.Sources sources =
        asked.isQuestion()
            ? sources(assistant, asked, capsule.retrieval(), cacheable)
            : Prepared.Sources.NONE;
    return new Prepared(assistant, asked, sources);
  }

  /** The published version that answers, or null when the draft does. */
  private static Integer answeringVersion(Capsule capsule, boolean draft) {
    if (draft) {
      return null;
    }
    if (capsule.publishedVersion() == null) {
      throw new InvalidCapsuleException(
          Map.of("draft", "The capsule has no published version yet: ask the draft, or publish."));
    }
    return capsule.publishedVersion();
  }

  /** The question with its intent, its standalone form and the conversation's last turns. */
  private static Prepared.Question asked(
      UUID conversationId, List<Message> earlier, String question) {
    List<ChatPrompt.Turn> history =
        earlier.subList(Math.max(0, earlier.size() - HISTORY), earlier.size()).stream()
            .map(m -> new ChatPrompt.Turn(Message.VISITOR.equals(m.role()), m.text()))
            .toList();
    Intent intent = Intent.of(question);
    String standalone =
        intent == Intent.QUESTION
            ? FollowUps.standalone(
                question,
                earlier.stream()
                    .filter(m -> Message.VISITOR.equals(m.role()) && m.standalone() != null)
                    .map(Message::standalone)
                    .toList())
            : question;
    return new Prepared.Question(
        conversationId, earlier.size(), question, standalone, intent, history);
  }

  /**
   * The cached answer, or what retrieval finds for the standalone question. Only a published
   * version's answer to a question asked on its own (not a follow-up) is cached.
   */
  private Prepared.Sources sources(
      Prepared.Assistant assistant,
      Prepared.Question asked,
      RetrievalSettings retrieval,
      boolean cacheable) {
    String cacheKey =
        !cacheable || assistant.version() == null || !asked.standalone().equals(asked.text())
            ? null
            : cacheKey(assistant, retrieval, asked.text());
    Optional<CachedAnswer> cached = cacheKey == null ? Optional.empty() : cache.get(cacheKey);
    if (cached.isPresent()) {
      return new Prepared.Sources(cacheKey, cached.get(), null);
    }
    Retrieval found =
        retriever.retrieve(
            assistant.capsuleId(),
            asked.standalone(),
            SearchMode.HYBRID,
            retrieval,
            PassageFilter.NONE,
            retrieval.passages());
    return new Prepared.Sources(cacheKey, null, found);
  }

  /** The conversation's messages; a visitor's must be the visitor's and have room for more. */
  private List<Message> earlier(UUID capsuleId, UUID conversationId, String visitorId) {
    if (visitorId == null) {
      conversations
          .ofCapsule(capsuleId, conversationId)
          .orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
    } else {
      VisitorConversations.require(conversations, capsuleId, conversationId, visitorId);
    }
    List<Message> messages = conversations.messages(conversationId);
    if (visitorId != null
        && messages.stream().filter(m -> Message.VISITOR.equals(m.role())).count()
            >= VisitorService.MAX_QUESTIONS) {
      throw new ConflictException(
          "This conversation holds "
              + VisitorService.MAX_QUESTIONS
              + " questions, the most one can; start a new conversation.");
    }
    return messages;
  }

  /** A conversation keeps the variant it started with; a new one draws its own. */
  private static String variant(List<Message> earlier, ModelRouting routing) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      if (earlier.get(i).variant() != null) {
        return earlier.get(i).variant();
      }
    }
    return routing.variantFor(ThreadLocalRandom.current().nextInt(100));
  }

  /** The chain's models with their keys opened; a model whose key can't be opened is skipped. */
  private List<ModelCall> chain(List<UUID> ids) {
    List<ModelCall> calls = new ArrayList<>();
    for (UUID id : ids) {
      models
          .find(id)
          .ifPresent(
              config -> {
                try {
                  calls.add(
                      config.call(
                          config.apiKeySealed() == null
                              ? null
                              : secrets.open(config.apiKeySealed())));
                } catch (IllegalStateException unopened) {
                  LOG.warning(
                      () -> "Chat model " + config.name() + " skipped: " + unopened.getMessage());
                }
              });
    }
    return calls;
  }

  /**
   * Everything a published answer depends on: tenant, capsule, version, the index's generation, the
   * retrieval settings, the variant and its models, and the question's normal form.
   */
  private String cacheKey(
      Prepared.Assistant assistant, RetrievalSettings retrieval, String question) {
    return TenantContext.current().schemaName().value()
        + '|'
        + assistant.capsuleId()
        + "|v"
        + assistant.version()
        + "|g"
        + index.generation(assistant.capsuleId())
        + '|'
        + Integer.toHexString(retrieval.hashCode())
        + '|'
        + assistant.variant()
        + assistant.chain().stream().map(c -> c.configId() + "@" + c.model()).toList()
        + '|'
        + Questions.key(question);
  }

  /**
   * Stores the question and its answer (and an unanswered event, and in a visitor's conversation
   * the message and answer events); returns the two messages.
   */
  public List<Message> record(Prepared prepared, Answered answered, String askedBy, int latencyMs) {
    Conversation conversation;
    if (prepared.question().conversationId() == null) {
      conversation =
          Conversation.start(prepared.assistant().capsuleId(), Conversation.PLAYGROUND, askedBy);
      conversations.add(conversation);
    } else {
      conversation = conversations.find(prepared.question().conversationId()).orElseThrow();
      conversation.touched();
    }
    Message question =
        Message.visitor(
            conversation.id(),
            prepared.question().nextOrdinal(),
            prepared.question().text(),
            prepared.question().isQuestion() ? prepared.question().standalone() : null);
    Message answer =
        Message.assistant(
            conversation.id(),
            prepared.question().nextOrdinal() + 1,
            answered.answer(),
            answered.outcome(),
            answered.usage().withVariant(prepared.assistant().variant()),
            answered.cached(),
            latencyMs,
            prepared.assistant().version());
    conversations.add(question);
    conversations.add(answer);
    if (answered.outcome() == Outcome.REFUSED || answered.weak()) {
      events.record(
          AnalyticsEvent.of(
              prepared.assistant().capsuleId(),
              AnalyticsEvent.UNANSWERED,
              conversation.id(),
              question.id(),
              prepared.question().text()));
    }
    if (conversation.visitorId() != null) { // a visitor's: both are analytics events
      events.record(
          AnalyticsEvent.of(
              prepared.assistant().capsuleId(),
              AnalyticsEvent.MESSAGE,
              conversation.id(),
              question.id(),
              prepared.question().intent().label()));
      events.record(
          AnalyticsEvent.of(
              prepared.assistant().capsuleId(),
              AnalyticsEvent.ANSWER,
              conversation.id(),
              answer.id(),
              answered.outcome().dbValue()));
    }
    return List.of(question, answer);
  }

  /**
   * Puts a visitor's recorded question (see {@link #clustered}) into its knowledge-gap cluster, in
   * a transaction of its own after {@link #record} committed: a failure here (a lock, a constraint)
   * rolls back only the clustering, never the conversation (a statement that fails marks its whole
   * transaction for rollback, which the container then undoes without a word). Clusters are derived
   * from the recorded questions, so this transaction does not wait for its commit to reach the
   * disk.
   */
  /**
   * Whether a recorded exchange goes into the knowledge gaps: a visitor's question (not an editor's
   * in the playground, not a greeting or small talk) that was answered or refused.
   */
  static boolean clustered(Prepared prepared, Answered answered, boolean visitor) {
    return visitor
        && prepared.question().isQuestion()
        && QuestionGaps.clustered(answered.outcome());
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void cluster(Prepared prepared, Answered answered, Message question, Message answer) {
    Retrieval retrieval = prepared.sources().retrieval();
    String model = prepared.assistant().embeddingModel();
    gaps.asked(
        new QuestionGaps.Asked(
            prepared.assistant().capsuleId(),
            model,
            retrieval == null ? null : retrieval.questionVectors().get(model),
            prepared.question().standalone(),
            question.id(),
            answer.id(),
            answered.outcome() != Outcome.REFUSED && !answered.weak(),
            question.createdAt()));
  }
}
