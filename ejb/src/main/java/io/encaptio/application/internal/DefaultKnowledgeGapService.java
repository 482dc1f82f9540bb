package io.encaptio.application.internal;

import io.encaptio.application.ContentService;
import io.encaptio.application.ContentService.ContentDto;
import io.encaptio.application.KnowledgeGapService;
import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.application.NotFoundException;
import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.domain.ai.GoldenQuestion;
import io.encaptio.domain.ai.GoldenRepository;
import io.encaptio.domain.ai.Questions;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.gap.QuestionCluster;
import io.encaptio.domain.gap.QuestionClusterRepository;
import io.encaptio.domain.gap.QuestionClusterRepository.Example;
import io.encaptio.domain.shared.ConflictException;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Each method is one transaction in the current tenant's schema. */
@Stateless
@Local(KnowledgeGapService.class)
public class DefaultKnowledgeGapService implements KnowledgeGapService {

  /** Clusters read to find suggestions among (the most asked come first within each status). */
  private static final int SUGGESTION_CANDIDATES = 500;

  @Inject CapsuleRepository capsules;
  @Inject QuestionClusterRepository clusters;
  @Inject GoldenRepository golden;
  @EJB ContentService content;

  @Override
  public List<GapDto> gaps(UUID capsuleId, boolean all, int max) {
    requireCapsule(capsuleId);
    return clusters.clusters(capsuleId, !all, now(), max).stream()
        .map(c -> toDto(c, List.of()))
        .toList();
  }

  @Override
  public GapDto gap(UUID capsuleId, UUID gapId) {
    requireCapsule(capsuleId);
    return withExamples(requireGap(capsuleId, gapId));
  }

  @Override
  public GapDto answer(UUID capsuleId, UUID gapId, String question, String answer) {
    requireCapsule(capsuleId);
    QuestionCluster gap = requireGap(capsuleId, gapId);
    if (gap.faqItemId() != null) {
      throw new ConflictException(
          "This question was answered already (FAQ item "
              + gap.faqItemId()
              + "); change that item to change the answer.");
    }
    String asked = question == null || question.isBlank() ? gap.label() : question.strip();
    ContentDto item = content.addFaq(capsuleId, asked, answer);
    if (!clusters.answered(
        gapId,
        item.id(),
        ActorContext.find().map(Actor::subject).orElse("unknown"),
        OffsetDateTime.now(ZoneOffset.UTC))) {
      // another editor answered meanwhile: the refusal rolls this FAQ item back
      throw new ConflictException("This question was answered by someone else a moment ago.");
    }
    return withExamples(requireGap(capsuleId, gapId));
  }

  @Override
  public GapDto merge(UUID capsuleId, UUID gapId, UUID intoGapId) {
    requireCapsule(capsuleId);
    if (intoGapId == null || intoGapId.equals(gapId)) {
      throw new InvalidCapsuleException(
          Map.of("into", "Name another question cluster of this capsule to merge into."));
    }
    requireGap(capsuleId, gapId);
    requireGap(capsuleId, intoGapId);
    clusters.lockCapsule(capsuleId);
    clusters.merge(gapId, intoGapId);
    return withExamples(requireGap(capsuleId, intoGapId));
  }

  @Override
  public GapDto dismiss(UUID capsuleId, UUID gapId) {
    requireCapsule(capsuleId);
    requireGap(capsuleId, gapId);
    clusters.dismissed(gapId, OffsetDateTime.now(ZoneOffset.UTC));
    return withExamples(requireGap(capsuleId, gapId));
  }

  @Override
  public List<SuggestionDto> suggestedGolden(UUID capsuleId, int minAnswered, int max) {
    requireCapsule(capsuleId);
    Set<String> kept =
        golden.questions(capsuleId).stream()
            .map(GoldenQuestion::question)
            .map(Questions::key)
            .collect(Collectors.toSet());
    return clusters.clusters(capsuleId, false, now(), SUGGESTION_CANDIDATES).stream()
        .filter(c -> c.disliked() == 0 && c.answered() >= Math.max(1, minAnswered))
        .filter(c -> !kept.contains(Questions.key(c.label())))
        .sorted((a, b) -> Integer.compare(b.answered(), a.answered()))
        .limit(max)
        .map(
            c ->
                new SuggestionDto(
                    c.id(), c.label(), c.answered(), clusters.latestAnswer(c.id()).orElse("")))
        .toList();
  }

  private GapDto withExamples(QuestionCluster cluster) {
    return toDto(
        cluster,
        clusters.examples(cluster.id(), EXAMPLES).stream()
            .map(DefaultKnowledgeGapService::toDto)
            .toList());
  }

  private QuestionCluster requireGap(UUID capsuleId, UUID gapId) {
    return clusters
        .cluster(capsuleId, gapId, now())
        .orElseThrow(() -> new NotFoundException("No question cluster " + gapId + " here."));
  }

  private void requireCapsule(UUID capsuleId) {
    capsules.find(capsuleId).orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private static GapDto toDto(QuestionCluster c, List<ExampleDto> examples) {
    return new GapDto(
        c.id(),
        c.label(),
        c.status().label(),
        c.questions(),
        c.unanswered(),
        c.disliked(),
        c.answered(),
        c.lastWeek(),
        c.weekBefore(),
        c.rising(),
        c.firstAt(),
        c.lastAt(),
        c.faqItemId(),
        c.answeredAt(),
        c.resolvedAt(),
        examples);
  }

  private static ExampleDto toDto(Example e) {
    return new ExampleDto(
        e.question(),
        e.disliked() ? "disliked" : e.answered() ? "answered" : "unanswered",
        e.askedAt());
  }
}
