package io.encaptio.interfaces.inbox.web;

import io.encaptio.application.GoldenQuestionService;
import io.encaptio.application.KnowledgeGapService;
import io.encaptio.application.KnowledgeGapService.GapDto;
import io.encaptio.application.KnowledgeGapService.SuggestionDto;
import io.encaptio.interfaces.capsule.web.CapsulePage;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.web.PageMessages;
import io.encaptio.interfaces.web.Pages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A capsule's knowledge gaps: the clusters of visitors' questions the content left unanswered, one
 * cluster's latest questions, answering it with an FAQ item or dismissing it, and the questions
 * worth keeping as golden questions. Analysts read; editors of the capsule answer.
 */
@Named
@ViewScoped
public class CapsuleGaps implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Clusters the page lists. */
  private static final int LISTED = 200;

  /** Times a question must have been answered to be suggested as a golden question. */
  static final int SUGGEST_AFTER = 3;

  @EJB KnowledgeGapService service;
  @EJB GoldenQuestionService golden;
  @Inject CapsulePage page;
  @Inject Access access;

  private boolean all;
  private List<GapDto> gaps;
  private GapDto selected;
  private List<SuggestionDto> suggestions;
  private String question;
  private String answer;
  private String suggestedQuestion;
  private String expectedFacts;
  private String mergeInto;

  /** The capsule of the {@code id} parameter, for analysts and above; others get 403. */
  public void load() throws IOException {
    if (gaps != null) {
      return; // postbacks keep the view's state
    }
    if (!access.isAnalyst()) {
      Pages.refuse("Only analysts, editors, admins and owners read visitors' questions.");
      return;
    }
    if (page.loaded()) {
      refresh();
    }
  }

  /** The clusters (and suggestions) again, as the "every cluster" switch now says. */
  public void refresh() {
    gaps = service.gaps(page.capsuleId(), all, LISTED);
    suggestions = service.suggestedGolden(page.capsuleId(), SUGGEST_AFTER, 10);
    if (selected != null) {
      selected = service.gap(page.capsuleId(), selected.id());
    }
  }

  /** Shows a cluster's latest questions and makes it the one the answer dialog answers. */
  public void open(UUID gap) {
    selected = service.gap(page.capsuleId(), gap);
    question = selected.question();
    answer = null;
  }

  /** Answers the selected cluster with an FAQ item (indexed by the job queue). */
  public void answer() {
    try {
      selected = service.answer(page.capsuleId(), selected.id(), question, answer);
      PageMessages.inform(
          "Answered",
          "An FAQ item with your answer is being indexed; visitors asking this get it in a"
              + " moment, and the cluster shows resolved once one of them is answered.");
      refresh();
    } catch (RuntimeException e) {
      PageMessages.failed("The answer was not saved", e, "gapsForm");
    }
  }

  /** Merges the selected cluster into the one chosen in the panel. */
  public void merge() {
    try {
      selected =
          service.merge(
              page.capsuleId(),
              selected.id(),
              mergeInto == null || mergeInto.isBlank() ? null : UUID.fromString(mergeInto));
      mergeInto = null;
      PageMessages.inform("Merged", "The questions are one cluster now.");
      refresh();
    } catch (RuntimeException e) {
      PageMessages.failed("The clusters were not merged", e);
    }
  }

  /** The other listed clusters, which the selected one can be merged into. */
  public List<GapDto> getMergeTargets() {
    return selected == null || gaps == null
        ? List.of()
        : gaps.stream().filter(g -> !g.id().equals(selected.id())).toList();
  }

  public String getMergeInto() {
    return mergeInto;
  }

  public void setMergeInto(String mergeInto) {
    this.mergeInto = mergeInto;
  }

  public void dismiss(UUID gap) {
    try {
      selected = service.dismiss(page.capsuleId(), gap);
      PageMessages.inform("Dismissed", "The cluster is kept but no longer listed as a gap.");
      refresh();
    } catch (RuntimeException e) {
      PageMessages.failed("The cluster was not dismissed", e);
    }
  }

  /** Prepares the golden-question dialog for a suggestion. */
  public void suggest(SuggestionDto suggestion) {
    suggestedQuestion = suggestion.question();
    expectedFacts = null;
  }

  /** Keeps the suggested question as a golden question with the facts the editor wrote. */
  public void keepGolden() {
    try {
      List<String> facts =
          expectedFacts == null
              ? List.of()
              : Arrays.stream(expectedFacts.split("\\R"))
                  .map(String::strip)
                  .filter(f -> !f.isEmpty())
                  .toList();
      golden.add(page.capsuleId(), suggestedQuestion, facts, false);
      PageMessages.inform("Kept", "The question runs with the golden questions from now on.");
      refresh();
    } catch (RuntimeException e) {
      PageMessages.failed("The golden question was not added", e, "goldenForm");
    }
  }

  public boolean isAll() {
    return all;
  }

  public void setAll(boolean all) {
    this.all = all;
  }

  public List<GapDto> getGaps() {
    return gaps;
  }

  public GapDto getSelected() {
    return selected;
  }

  public List<SuggestionDto> getSuggestions() {
    return suggestions;
  }

  public String getQuestion() {
    return question;
  }

  public void setQuestion(String question) {
    this.question = question;
  }

  public String getAnswer() {
    return answer;
  }

  public void setAnswer(String answer) {
    this.answer = answer;
  }

  public String getSuggestedQuestion() {
    return suggestedQuestion;
  }

  public void setSuggestedQuestion(String suggestedQuestion) {
    this.suggestedQuestion = suggestedQuestion;
  }

  public String getExpectedFacts() {
    return expectedFacts;
  }

  public void setExpectedFacts(String expectedFacts) {
    this.expectedFacts = expectedFacts;
  }
}
