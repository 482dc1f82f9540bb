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
import io.encaptio.domain.content.ContentItem;
import io.encaptio.domain.content.ContentRepository;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
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
  @Inject ContentRepository content;

  /** An item id no item has: the filter of a search whose labels match no item. */
  private static final UUID NOTHING = new UUID(0, 0);

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
            filter(capsuleId, search),
            search.limit());
    return new SearchResultDto(
        found.passages().stream().map(DefaultRetrievalService::toDto).toList(),
        found.models(),
        found.millis());
  }

  /**
   * The items a search may read: those named, with one of the tags, in the language. No item
   * matching the labels is a filter that matches nothing (not "no filter").
   */
  private PassageFilter filter(UUID capsuleId, Search search) {
    List<String> tags =
        search.tags() == null
            ? List.of()
            : search.tags().stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
    String language =
        search.language() == null || search.language().isBlank() ? null : search.language();
    if (tags.isEmpty() && language == null) {
      return new PassageFilter(search.items());
    }
    List<UUID> named = search.items() == null ? List.of() : search.items();
    List<UUID> matching =
        content.ofCapsule(capsuleId).stream()
            .filter(i -> named.isEmpty() || named.contains(i.id()))
            .filter(i -> tags.isEmpty() || i.tags().stream().anyMatch(tags::contains))
            .filter(i -> language == null || language.equalsIgnoreCase(i.language()))
            .map(ContentItem::id)
            .toList();
    return new PassageFilter(matching.isEmpty() ? List.of(NOTHING) : matching);
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
