package io.encaptio.application.internal;

import io.encaptio.domain.ai.AnswerType;
import io.encaptio.domain.ai.Outcome;
import io.encaptio.domain.ai.Questions;
import io.encaptio.domain.content.EmbeddingModels;
import io.encaptio.domain.gap.QuestionClusterRepository;
import io.encaptio.domain.gap.QuestionClusterRepository.Member;
import io.encaptio.domain.gap.QuestionClusterRepository.Nearest;
import io.encaptio.domain.gap.QuestionClustering;
import io.encaptio.domain.notification.NotificationKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts each visitor's question into its cluster, right after the transaction that records it, in
 * one of its own (AssistantSteps#cluster; incremental: one nearest-cluster look-up per question, no
 * batch run). The question retrieval read (a follow-up made standalone) is clustered; a question
 * asked before in the same words joins its earlier cluster without an embedding (a cached answer
 * has none), any other by its embedding with {@link QuestionClustering#MODEL} (retrieval's, when
 * the capsule's content uses that model; else embedded here, a few milliseconds for a question). A
 * question that may start a cluster serialises the capsule's clustering until its transaction ends
 * (two visitors asking a new question at once make one cluster); a failure rolls back that
 * transaction alone: the conversation is recorded regardless.
 */
@ApplicationScoped
class QuestionGaps {

  @Inject QuestionClusterRepository clusters;
  @Inject EmbeddingModels models;
  @Inject Notifier notifier;

  /** The outcomes that are answers to a question; greetings, small talk and off-topic are not. */
  static boolean clustered(Outcome outcome) {
    return outcome == Outcome.ANSWERED || outcome == Outcome.HEDGED || outcome == Outcome.REFUSED;
  }

  /**
   * A visitor's question as the recording transaction knows it.
   *
   * @param model the embedding model of the capsule's content
   * @param vector the question's embedding by {@code model}, or null when none was made
   * @param answered answered and not weakly (a refusal or a weak answer is a gap)
   */
  record Asked(
      UUID capsuleId,
      String model,
      float[] vector,
      String question,
      UUID questionId,
      UUID answerId,
      boolean answered,
      OffsetDateTime at) {}

  void asked(Asked asked) {
    String key = Questions.key(asked.question());
    Optional<UUID> known = clusters.clusterOfQuestion(asked.capsuleId(), key);
    // embedded before the capsule's lock is taken, so visitors' embeddings never wait on it
    float[] embedded = known.isPresent() ? null : embedded(asked);
    clusters.relaxCommit();
    // words asked before join their cluster under its row's lock alone (a merge locks the row
    // before it moves the members); only a question that may start a cluster takes the capsule's
    if (known.isEmpty() || !clusters.joined(known.get(), null, asked.answered(), asked.at())) {
      cluster(asked, key, embedded);
    } else {
      clusters.add(member(asked, key, known.get()));
      growing(asked, known.get());
    }
  }

  /** Unanswered questions of one gap in 24 hours at which people are told it grows. */
  static boolean growthStep(long unanswered) {
    return unanswered >= 5 && unanswered % 5 == 0 && Long.bitCount(unanswered / 5) == 1;
  }

  /** Tells people when an open gap went unanswered 5, 10, 20, 40, ... times within 24 hours. */
  private void growing(Asked asked, UUID clusterId) {
    if (asked.answered()) {
      return;
    }
    long unanswered = clusters.unansweredSince(clusterId, asked.at().minusHours(24));
    if (growthStep(unanswered)) {
      notifier.raise(
          NotificationKind.GAP_GROWING,
          asked.capsuleId(),
          clusterId + ":" + unanswered + ":" + asked.at().toLocalDate(),
          Map.of("question", asked.question(), "count", "" + unanswered));
    }
  }

  private float[] embedded(Asked asked) {
    return asked.vector() != null && QuestionClustering.MODEL.equals(asked.model())
        ? asked.vector()
        : models.model(QuestionClustering.MODEL).embedQuery(asked.question());
  }

  /**
   * @param embedded the question's embedding, or null when its words were asked before
   */
  private void cluster(Asked asked, String key, float[] embedded) {
    UUID capsuleId = asked.capsuleId();
    clusters.lockCapsule(capsuleId);
    Optional<UUID> same = clusters.clusterOfQuestion(capsuleId, key); // again, under the lock
    UUID clusterId;
    if (same.isPresent()) {
      clusterId = same.get();
      clusters.joined(clusterId, null, asked.answered(), asked.at());
    } else {
      float[] vector = embedded != null ? embedded : embedded(asked);
      AnswerType type = AnswerType.of(asked.question());
      Optional<Nearest> nearest =
          clusters.nearest(
              capsuleId, QuestionClustering.MODEL, vector, QuestionClustering.compatibleWith(type));
      if (nearest.isPresent() && nearest.get().similarity() >= QuestionClustering.SAME_QUESTION) {
        clusterId = nearest.get().clusterId();
        clusters.joined(clusterId, vector, asked.answered(), asked.at());
      } else {
        clusterId =
            clusters.start(
                capsuleId, QuestionClustering.MODEL, vector, type, asked.question(), asked.at());
        if (!asked.answered()) {
          notifier.raise(
              NotificationKind.GAP_NEW,
              capsuleId,
              clusterId.toString(),
              Map.of("question", asked.question()));
        }
      }
    }
    clusters.add(member(asked, key, clusterId));
    growing(asked, clusterId);
  }

  private static Member member(Asked asked, String key, UUID clusterId) {
    return new Member(
        asked.questionId(),
        asked.answerId(),
        clusterId,
        asked.capsuleId(),
        asked.question(),
        key,
        asked.answered(),
        asked.at());
  }
}
