package io.encaptio.application;

import io.encaptio.domain.ai.SearchMode;
import io.encaptio.domain.capsule.RetrievalSettings;
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
   * @param mode hybrid (what answers use), vector or keyword alone
   * @param limit passages to return (at most 200)
   * @param settings settings to try instead of the capsule's (null: the capsule's)
   * @param items only these content items (empty: all)
   * @param tags only items with one of these tags (empty: any)
   * @param language only items in this language (null: any)
   */
  record Search(
      String question,
      SearchMode mode,
      int limit,
      RetrievalSettings settings,
      List<UUID> items,
      List<String> tags,
      String language)
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
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException for a blank or too long question or
   *     bad settings, by field
   */
  SearchResultDto search(UUID capsuleId, Search search);

  RetrievalSettings settings(UUID capsuleId);

  /**
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException naming each field to fix
   */
  RetrievalSettings changeSettings(UUID capsuleId, RetrievalSettings settings);
}
