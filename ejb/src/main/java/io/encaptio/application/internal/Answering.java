package io.encaptio.application.internal;

import io.encaptio.application.AssistantService;
import io.encaptio.domain.ai.AnswerText;
import io.encaptio.domain.ai.ChatModelFailure;
import io.encaptio.domain.ai.ChatModels;
import io.encaptio.domain.ai.ChatPrompt;
import io.encaptio.domain.ai.Citation;
import io.encaptio.domain.ai.Completion;
import io.encaptio.domain.ai.ContextWindow;
import io.encaptio.domain.ai.ExtractiveAnswerer;
import io.encaptio.domain.ai.Grounding;
import io.encaptio.domain.ai.Intent;
import io.encaptio.domain.ai.ModelCall;
import io.encaptio.domain.ai.Outcome;
import io.encaptio.domain.ai.Passage;
import io.encaptio.domain.ai.PiiRedactor;
import io.encaptio.domain.ai.Prompts;
import io.encaptio.domain.ai.RankedPassage;
import io.encaptio.domain.ai.Replies;
import io.encaptio.domain.ai.SentenceMeaning;
import io.encaptio.domain.ai.Usage;
import io.encaptio.domain.ai.Words;
import io.encaptio.domain.capsule.CapsuleSettings;
import io.encaptio.domain.content.EmbeddingModels;
import io.encaptio.domain.content.Embeddings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Makes the answer of a prepared question, outside any transaction: a reply of its own for
 * greetings and small talk, the cached answer, or an answer from the passages — by the capsule's
 * chat models in order (a model that times out, is rate limited or fails hands over to the next;
 * when all fail, the extractive answer) or, without models, composed from the passages — followed
 * by the grounding check (unsupported sentences out: hedged; none left: the capsule's "no answer"
 * text) and, when the capsule asks for it, redaction of personal data.
 */
@ApplicationScoped
class Answering {

  private static final Logger LOG = Logger.getLogger(Answering.class.getName());

  static final String HEDGE = "From what the content says: ";
  static final String DEFAULT_NO_ANSWER = "I can't find that in the content.";

  @Inject EmbeddingModels models;
  @Inject ChatModels chatModels;

  Answered answer(Prepared prepared, Consumer<String> tokens) {
    if (!prepared.question().isQuestion()) {
      String reply =
          Replies.to(
              prepared.question().intent(),
              prepared.question().text(),
              prepared.assistant().capsuleName(),
              prepared.assistant().settings());
      emit(reply, tokens);
      return new Answered(
          AnswerText.plain(reply),
          outcome(prepared.question().intent()),
          Usage.none(),
          List.of(),
          false,
          List.of(),
          false);
    }
    if (prepared.sources().cached() != null) {
      emit(prepared.sources().cached().answer().text(), tokens);
      return new Answered(
          prepared.sources().cached().answer(),
          prepared.sources().cached().outcome(),
          prepared.sources().cached().usage(),
          List.of(),
          true,
          List.of(),
          false);
    }
    Embeddings tokenizer = models.model(prepared.assistant().embeddingModel());
    List<Passage> passages =
        ContextWindow.fit(
            prepared.sources().retrieval().passages().stream().map(RankedPassage::passage).toList(),
            ContextWindow.BUDGET,
            tokenizer::countTokens);
    Optional<String> extractive = compose(prepared, passages);
    boolean weak = extractive.isEmpty();
    List<String> failures = new ArrayList<>();
    if (!passages.isEmpty() && !prepared.assistant().chain().isEmpty()) {
      Optional<Answered> generated = generate(prepared, passages, weak, tokens, failures);
      if (generated.isPresent()) {
        return generated.get().withFallbacks(failures);
      }
    }
    Answered answered =
        checked(
            prepared,
            extractive.orElse(""),
            passages,
            extractiveUsage(tokenizer, prepared, passages, extractive.orElse("")),
            weak);
    emit(answered.answer().text(), tokens);
    return answered.withFallbacks(failures);
  }

  /** The chain's models in order until one answers; tokens stream as they come. */
  private Optional<Answered> generate(
      Prepared prepared,
      List<Passage> passages,
      boolean weak,
      Consumer<String> tokens,
      List<String> failures) {
    ChatPrompt prompt =
        Prompts.of(
            prepared.assistant().capsuleName(),
            prepared.assistant().settings(),
            passages,
            prepared.question().history(),
            prepared.question().text());
    for (ModelCall call : prepared.assistant().chain()) {
      boolean[] streamed = {false};
      try {
        Completion completion =
            chatModels.stream(
                call,
                prompt,
                token -> {
                  streamed[0] = true;
                  tokens.accept(token);
                });
        Usage usage =
            new Usage(
                call.label(),
                prepared.assistant().variant(),
                completion.inputTokens(),
                completion.outputTokens(),
                call.costMicros(completion.inputTokens(), completion.outputTokens()));
        return Optional.of(checked(prepared, completion.text(), passages, usage, weak));
      } catch (ChatModelFailure failure) {
        LOG.warning(() -> "Chat model " + call + " failed, next in chain: " + failure.getMessage());
        failures.add(failure.getMessage());
        if (streamed[0]) {
          tokens.accept(AssistantService.RESTART);
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> compose(Prepared prepared, List<Passage> passages) {
    int sentences = sentences(prepared.assistant().settings().answerLength());
    Words language = language(prepared);
    SentenceMeaning meaning = meaning(prepared.sources().retrieval().questionVectors());
    Optional<String> own =
        ExtractiveAnswerer.decide(
                prepared.question().text(), passages, sentences, language, meaning)
            .answer();
    if (own.isEmpty() && !prepared.question().standalone().equals(prepared.question().text())) {
      return ExtractiveAnswerer.decide(
              prepared.question().standalone(), passages, sentences, language, meaning)
          .answer();
    }
    return own;
  }

  private static Words language(Prepared prepared) {
    return Words.in(prepared.assistant().settings().language());
  }

  private SentenceMeaning meaning(Map<String, float[]> questions) {
    return new EmbeddedMeaning(models, questions);
  }

  /**
   * Whether a model's (grounded) answer answers the question, by the gate extractive answers pass:
   * its sentences, read with the headings of the passages it was made from, must give the kind of
   * answer asked for and speak to the question's words. A model that writes about something nearby
   * is refused like a nearby sentence is.
   */
  private boolean answers(Prepared prepared, String answer, List<Passage> passages) {
    String plain = Grounding.unmarked(answer);
    String headings =
        passages.stream()
            .map(Passage::headingPath)
            .filter(h -> h != null)
            .distinct()
            .reduce((a, b) -> a + " › " + b)
            .orElse("");
    Passage written =
        new Passage(
            null,
            null,
            "",
            plain,
            headings,
            null,
            null,
            passages.isEmpty() ? null : passages.get(0).model());
    return ExtractiveAnswerer.decide(
            prepared.question().standalone(),
            List.of(written),
            Integer.MAX_VALUE,
            language(prepared),
            meaning(prepared.sources().retrieval().questionVectors()))
        .answer()
        .isPresent();
  }

  /** The grounding check and what follows from it, for any answer made from {@code passages}. */
  private Answered checked(
      Prepared prepared, String text, List<Passage> passages, Usage usage, boolean weak) {
    Grounding.Result grounding = Grounding.check(text, passages, language(prepared));
    CapsuleSettings settings = prepared.assistant().settings();
    AnswerText answer;
    Outcome outcome;
    if (grounding.empty()
        || (!Usage.EXTRACTIVE.equals(usage.model())
            && !answers(prepared, grounding.supported().text(), passages))) {
      answer = AnswerText.plain(noAnswer(settings));
      outcome = Outcome.REFUSED;
    } else if (grounding.unsupported().isEmpty()) {
      answer = grounding.supported();
      outcome = Outcome.ANSWERED;
    } else {
      answer =
          new AnswerText(HEDGE + grounding.supported().text(), grounding.supported().citations());
      outcome = Outcome.HEDGED;
    }
    if (Boolean.TRUE.equals(settings.redactPersonalData())) {
      answer = redacted(answer);
    }
    return new Answered(answer, outcome, usage, grounding.unsupported(), false, List.of(), weak);
  }

  private static AnswerText redacted(AnswerText answer) {
    return new AnswerText(
        PiiRedactor.redact(answer.text()),
        answer.citations().stream()
            .map(
                c ->
                    new Citation(
                        c.number(),
                        c.chunkId(),
                        c.itemId(),
                        c.itemTitle(),
                        c.headingPath(),
                        c.page(),
                        c.position(),
                        PiiRedactor.redact(c.snippet())))
            .toList());
  }

  /** Without a model the "tokens" are the embedding tokenizer's count of what was read and said. */
  private static Usage extractiveUsage(
      Embeddings tokenizer, Prepared prepared, List<Passage> passages, String text) {
    int read = tokenizer.countTokens(prepared.question().standalone());
    for (Passage passage : passages) {
      read += tokenizer.countTokens(passage.text());
    }
    return new Usage(
        Usage.EXTRACTIVE, prepared.assistant().variant(), read, tokenizer.countTokens(text), 0);
  }

  static String noAnswer(CapsuleSettings settings) {
    return settings.noAnswerText() == null || settings.noAnswerText().isBlank()
        ? DEFAULT_NO_ANSWER
        : settings.noAnswerText().strip();
  }

  static int sentences(String answerLength) {
    return switch (answerLength == null ? "medium" : answerLength) {
      case "short" -> 2;
      case "long" -> 5;
      default -> 3;
    };
  }

  private static Outcome outcome(Intent intent) {
    return switch (intent) {
      case GREETING -> Outcome.GREETING;
      case OUT_OF_SCOPE -> Outcome.OUT_OF_SCOPE;
      default -> Outcome.SMALL_TALK;
    };
  }

  /** Text that is ready at once still reaches the caller word by word, as a model's would. */
  static void emit(String text, Consumer<String> tokens) {
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (i == text.length() || Character.isWhitespace(text.charAt(i))) {
        tokens.accept(text.substring(start, i));
        start = i;
      }
    }
  }
}
