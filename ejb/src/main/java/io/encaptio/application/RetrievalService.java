package io.encaptio.application;

import io.encaptio.application.access.Audited;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finding passages in a capsule of the current tenant, as the assistant does before it answers: for
 * editors (playground, evaluation) and for tuning how the capsule searches.
 */
public interface RetrievalService {

  /**
   * @param mode hybrid (what answers use, also when null), vector or keyword alone
   * @param limit passages to return (at most 200)
   * @param settings settings to try instead of the capsule's (null: the capsule's; a field left
   *     out: the capsule's value)
   * @param items only these content items (empty: all)
   * @param tags only items with one of these tags (empty: any)
   * @param language only items in this language (null: any)
   */
  record Search(
      String question,
      String mode,
      int limit,
      RetrievalChange settings,
      List<UUID> items,
      List<String> tags,
      String language)
      implements Serializable {}

  /**
   * How a capsule finds passages: candidates of the vector and keyword stages, postings read per
   * query word, the HNSW search width, the fusion ({@code weighted} with {@code vectorWeight}, or
   * {@code rrf} with {@code rrfK}) and the passages an answer reads.
   */
  record RetrievalSettingsDto(
      int vectorCandidates,
      int keywordCandidates,
      int postingsPerTerm,
      int searchWidth,
      String fusion,
      double vectorWeight,
      int rrfK,
      int passages)
      implements Serializable {}

  /**
   * Retrieval settings to change; those left out (null) keep the capsule's value. A search width
   * left out grows to the vector candidates asked for.
   */
  record RetrievalChange(
      Integer vectorCandidates,
      Integer keywordCandidates,
      Integer postingsPerTerm,
      Integer searchWidth,
      String fusion,
      Double vectorWeight,
      Integer rrfK,
      Integer passages)
      implements Serializable {}

  record PassageDto(
      UUID chunkId,
      UUID itemId,
      String itemTitle,
      String text,
      String headingPath,
      Integer page,
      String position,
      Double vectorScore,
      Integer vectorRank,
      Double keywordScore,
      Integer keywordRank,
      double fusedScore)
      implements Serializable {}

  /**
   * @param millis time of each stage (embed, vector, keyword, fuse) in milliseconds
   */
  record SearchResultDto(List<PassageDto> passages, List<String> models, Map<String, Double> millis)
      implements Serializable {}

  /**
   * @throws NoSuchCapsuleException for a capsule the tenant does not have
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException for a blank or too long question, an
   *     unknown mode or bad settings, by field
   */
  @Requires(Permission.EDIT_CAPSULE)
  SearchResultDto search(UUID capsuleId, Search search);

  @Requires(Permission.VIEW_CAPSULES)
  RetrievalSettingsDto settings(UUID capsuleId);

  /**
   * Changes the fields {@code change} names, in one transaction.
   *
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException naming each field to fix; nothing
   *     changes then
   */
  @Requires(Permission.EDIT_CAPSULE)
  @Audited("capsule.retrieval_changed")
  RetrievalSettingsDto changeSettings(UUID capsuleId, RetrievalChange change);
}
