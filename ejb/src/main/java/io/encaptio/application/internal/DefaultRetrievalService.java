package io.encaptio.application.internal;

import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.application.RetrievalService;
import io.encaptio.domain.ai.Citation;
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
        search.settings() == null
            ? capsule.retrieval()
            : applied(search.settings(), capsule.retrieval()).checked();
    Retrieval found =
        retriever.retrieve(
            capsuleId,
            question,
            mode(search.mode()),
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

  private static SearchMode mode(String mode) {
    if (mode == null || mode.isBlank()) {
      return SearchMode.HYBRID;
    }
    try {
      return SearchMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new InvalidCapsuleException(
          Map.of("mode", "Unknown mode \"" + mode + "\": use hybrid, vector or keyword."));
    }
  }

  @Override
  public RetrievalSettingsDto settings(UUID capsuleId) {
    return toDto(requireCapsule(capsuleId).retrieval());
  }

  @Override
  public RetrievalSettingsDto changeSettings(UUID capsuleId, RetrievalChange change) {
    Capsule capsule = requireCapsule(capsuleId);
    capsule.changeRetrieval(applied(change, capsule.retrieval()));
    return toDto(capsule.retrieval());
  }

  /** The current settings with the fields the change names; not checked yet. */
  private static RetrievalSettings applied(RetrievalChange change, RetrievalSettings current) {
    int vectorCandidates =
        change.vectorCandidates() == null ? current.vectorCandidates() : change.vectorCandidates();
    return new RetrievalSettings(
        vectorCandidates,
        change.keywordCandidates() == null
            ? current.keywordCandidates()
            : change.keywordCandidates(),
        change.postingsPerTerm() == null ? current.postingsPerTerm() : change.postingsPerTerm(),
        change.searchWidth() == null
            ? Math.max(
                current.searchWidth(), change.vectorCandidates() == null ? 0 : vectorCandidates)
            : change.searchWidth(),
        change.fusion() == null ? current.fusion() : change.fusion(),
        change.vectorWeight() == null ? current.vectorWeight() : change.vectorWeight(),
        change.rrfK() == null ? current.rrfK() : change.rrfK(),
        change.passages() == null ? current.passages() : change.passages());
  }

  private static RetrievalSettingsDto toDto(RetrievalSettings s) {
    return new RetrievalSettingsDto(
        s.vectorCandidates(),
        s.keywordCandidates(),
        s.postingsPerTerm(),
        s.searchWidth(),
        s.fusion(),
        s.vectorWeight(),
        s.rrfK(),
        s.passages());
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
        Citation.pathBelowTitle(passage.itemTitle(), passage.headingPath()),
        passage.page(),
        passage.position(),
        hit.vectorScore(),
        hit.vectorRank(),
        hit.keywordScore(),
        hit.keywordRank(),
        hit.fusedScore());
  }
}
