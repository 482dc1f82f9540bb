package io.encaptio.application.internal;

import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.application.RetrievalService;
import io.encaptio.domain.ai.PassageFilter;
import io.encaptio.domain.ai.Questions;
import io.encaptio.domain.ai.RankedPassage;
import io.encaptio.domain.ai.Retrieval;
import io.encaptio.domain.ai.SearchMode;
import io.encaptio.domain.capsule.Capsule;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.capsule.RetrievalSettings;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/** Each method is one transaction in the current tenant's schema. */
@Stateless
@Local(RetrievalService.class)
public class DefaultRetrievalService implements RetrievalService {

  static final int MAX_QUESTION = 2000;
  static final int MAX_LIMIT = 200;

  @Inject CapsuleRepository capsules;
  @Inject Retriever retriever;

  @Override
  public SearchResultDto search(UUID capsuleId, Search search) {
    Capsule capsule = requireCapsule(capsuleId);
    String question = Questions.checked(search.question(), MAX_QUESTION);
    if (search.limit() < 1 || search.limit() > MAX_LIMIT) {
      throw new InvalidCapsuleException(
          Map.of("limit", "Ask for 1 to " + MAX_LIMIT + " passages."));
    }
    RetrievalSettings settings =
        search.settings() == null ? capsule.retrieval() : search.settings().checked();
    Retrieval found =
        retriever.retrieve(
            capsuleId,
            question,
            search.mode() == null ? SearchMode.HYBRID : search.mode(),
            settings,
            new PassageFilter(search.items()),
            search.limit());
    return new SearchResultDto(
        found.passages().stream().map(DefaultRetrievalService::toDto).toList(),
        found.models(),
        found.millis());
  }

  @Override
  public RetrievalSettings settings(UUID capsuleId) {
    return requireCapsule(capsuleId).retrieval();
  }

  @Override
  public RetrievalSettings changeSettings(UUID capsuleId, RetrievalSettings settings) {
    Capsule capsule = requireCapsule(capsuleId);
    capsule.changeRetrieval(settings);
    return capsule.retrieval();
  }

  private Capsule requireCapsule(UUID capsuleId) {
    return capsules.find(capsuleId).orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
  }

  static PassageDto toDto(RankedPassage ranked) {
    var passage = ranked.passage();
    var hit = ranked.hit();
    return new PassageDto(
        passage.chunkId(),
        passage.itemId(),
        passage.itemTitle(),
        passage.text(),
        passage.headingPath(),
        passage.page(),
        passage.position(),
        hit.vectorScore(),
        hit.vectorRank(),
        hit.keywordScore(),
        hit.keywordRank(),
        hit.fusedScore());
  }
}
