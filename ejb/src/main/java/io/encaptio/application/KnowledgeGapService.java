package io.encaptio.application;

import io.encaptio.application.access.Audited;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The knowledge-gap loop of a capsule: visitors' questions clustered by meaning as they are asked;
 * clusters with unanswered or disliked questions are gaps; an editor answers a gap in one step (an
 * FAQ item is made from the answer and indexed by the job queue, after which the golden questions
 * run again), and the gap shows resolved once a visitor asking it afterwards is answered. Clusters
 * answered again and again are suggested as golden questions. Reading needs the analyst role
 * (visitors' questions are their words), answering and dismissing the editor's.
 */
public interface KnowledgeGapService {

  /** Questions of a gap shown with it. */
  int EXAMPLES = 10;

  /**
   * A cluster of visitors' questions.
   *
   * @param question the cluster's name: the first question asked in it
   * @param status open, answered, resolved, dismissed or covered (the content answers it)
   * @param lastWeek questions in the last seven days
   * @param weekBefore questions in the seven days before those
   * @param faqItemId the FAQ item made from the editor's answer
   * @param examples the latest questions (only when one gap is read)
   */
  record GapDto(
      UUID id,
      String question,
      String status,
      int questions,
      int unanswered,
      int disliked,
      int answered,
      int lastWeek,
      int weekBefore,
      boolean rising,
      OffsetDateTime firstAt,
      OffsetDateTime lastAt,
      UUID faqItemId,
      OffsetDateTime answeredAt,
      OffsetDateTime resolvedAt,
      List<ExampleDto> examples)
      implements Serializable {}

  /**
   * @param outcome answered, unanswered or disliked
   */
  record ExampleDto(String question, String outcome, OffsetDateTime askedAt)
      implements Serializable {}

  /**
   * A question visitors ask often and get answered: worth keeping as a golden question.
   *
   * @param answer the latest answer they got (its facts are what the golden question would expect)
   */
  record SuggestionDto(UUID clusterId, String question, int answered, String answer)
      implements Serializable {}

  /**
   * The capsule's clusters, open gaps first.
   *
   * @param all false: only gaps (clusters with an unanswered or disliked question)
   */
  @Requires(Permission.READ_CONVERSATIONS)
  List<GapDto> gaps(UUID capsuleId, boolean all, int max);

  /** One cluster with its latest questions. */
  @Requires(Permission.READ_CONVERSATIONS)
  GapDto gap(UUID capsuleId, UUID gapId);

  /**
   * Answers a gap: an FAQ item with the question (the cluster's, or as the editor put it) and the
   * answer is added to the capsule and queued for indexing, in this transaction.
   *
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException the question or answer is missing or
   *     too long
   * @throws io.encaptio.domain.shared.ConflictException the gap was answered already
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("gap.answered")
  GapDto answer(UUID capsuleId, UUID gapId, String question, String answer);

  /**
   * Merges a cluster into another of the capsule (one question the clustering kept apart): its
   * questions move, it is removed; the other keeps its editor's answer, or takes this one's.
   *
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException merging a cluster into itself
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("gap.merged")
  GapDto merge(UUID capsuleId, UUID gapId, UUID intoGapId);

  /** Marks a gap as needing no answer (a question the capsule is not for). */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("gap.dismissed")
  GapDto dismiss(UUID capsuleId, UUID gapId);

  /**
   * Clusters answered at least {@code minAnswered} times with no dislike and no golden question of
   * the same words yet, most asked first.
   */
  @Requires(Permission.READ_CONVERSATIONS)
  List<SuggestionDto> suggestedGolden(UUID capsuleId, int minAnswered, int max);
}
