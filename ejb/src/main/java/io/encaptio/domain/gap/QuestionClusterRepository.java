package io.encaptio.domain.gap;

import io.encaptio.domain.ai.AnswerType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Question clusters and their questions, in the current tenant's schema. */
public interface QuestionClusterRepository {

  /** The cluster nearest to a question's embedding, with the cosine similarity of the two. */
  record Nearest(UUID clusterId, double similarity) {}

  /** A visitor's question in its cluster. */
  record Member(
      UUID messageId,
      UUID answerId,
      UUID clusterId,
      UUID capsuleId,
      String question,
      String questionKey,
      boolean answered,
      OffsetDateTime askedAt) {}

  /** A question of a cluster as the gap's page shows it. */
  record Example(String question, boolean answered, boolean disliked, OffsetDateTime askedAt) {}

  /** The cluster this very question (by its normal form) joined when it was asked before. */
  Optional<UUID> clusterOfQuestion(UUID capsuleId, String questionKey);

  /**
   * The capsule's cluster of the model's embeddings nearest to the vector among those whose
   * questions ask for one of these kinds of answer.
   */
  Optional<Nearest> nearest(UUID capsuleId, String model, float[] vector, Set<AnswerType> types);

  /** A new cluster of one question (its embedding the sum); its id. */
  UUID start(
      UUID capsuleId,
      String model,
      float[] vector,
      AnswerType type,
      String label,
      OffsetDateTime at);

  /**
   * Counts a question into the cluster: its embedding (null when the question joined by its normal
   * form) is added to the sum; after an editor's answer, once its FAQ item is indexed, an answered
   * question resolves the cluster, while an unanswered one takes "resolved" away again (the cluster
   * shows "answered").
   *
   * @return false when the cluster is gone (merged into another meanwhile)
   */
  boolean joined(UUID clusterId, float[] vector, boolean answered, OffsetDateTime at);

  void add(Member member);

  /**
   * Unanswered questions of an open cluster (not answered by an editor, not dismissed) asked since
   * then; 0 for a cluster that is not open.
   */
  long unansweredSince(UUID clusterId, OffsetDateTime since);

  /**
   * Marks the question whose answer this is as disliked (or not); a dislike of an answer given
   * after the editor's answer takes "resolved" away again.
   */
  void feedback(UUID answerId, boolean disliked);

  /**
   * The capsule's clusters, those needing an editor first (open, by unanswered and disliked
   * questions), then answered, resolved and dismissed ones; with {@code gapsOnly} only clusters
   * with an unanswered or disliked question that no editor dismissed.
   *
   * @param now the end of the "last seven days" the trend counts
   */
  List<QuestionCluster> clusters(UUID capsuleId, boolean gapsOnly, OffsetDateTime now, int max);

  Optional<QuestionCluster> cluster(UUID capsuleId, UUID clusterId, OffsetDateTime now);

  /** The cluster's latest questions. */
  List<Example> examples(UUID clusterId, int max);

  /**
   * Records the editor's answer; false when the cluster had one already (another editor was first).
   */
  boolean answered(UUID clusterId, UUID faqItemId, String by, OffsetDateTime at);

  /**
   * Holds the capsule's clustering until the transaction ends, so that two visitors asking a new
   * question at once do not both start a cluster for it.
   */
  void lockCapsule(UUID capsuleId);

  /**
   * The current transaction's commit returns before it reaches the disk (clusters are derived from
   * recorded questions: a crash can lose the last few, never a conversation).
   */
  void relaxCommit();

  void dismissed(UUID clusterId, OffsetDateTime at);

  /**
   * Moves every question of {@code from} into {@code into} and removes {@code from}: the sums of
   * embeddings add up, the first and last questions span both, and {@code into} keeps its editor's
   * answer (or takes {@code from}'s when it has none).
   */
  void merge(UUID from, UUID into);

  /** The text of the latest answer given to a question of the cluster, if any was answered. */
  Optional<String> latestAnswer(UUID clusterId);

  /**
   * A cluster's questions asked in a range.
   *
   * @param question the cluster's name (its first question)
   * @param unanswered those refused or weakly answered
   */
  record Asked(UUID clusterId, String question, long asked, long unanswered) {}

  /** The clusters of the capsules asked most in {@code [from, to)}, most asked first. */
  List<Asked> mostAsked(Set<UUID> capsules, OffsetDateTime from, OffsetDateTime to, int max);
}
