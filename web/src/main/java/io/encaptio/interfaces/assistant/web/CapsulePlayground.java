package io.encaptio.interfaces.assistant.web;

import io.encaptio.application.AssistantService;
import io.encaptio.application.AssistantService.AnswerDto;
import io.encaptio.application.AssistantService.Ask;
import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.interfaces.capsule.web.CapsulePage;
import io.encaptio.interfaces.security.CurrentCaller;
import io.encaptio.interfaces.web.PageMessages;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The playground: an editor asks the capsule anything and sees the answer stream in (the page polls
 * the answer being made on a managed thread, which carries the tenant explicitly), then its
 * citations, the passages retrieval found with their vector, keyword and fused scores, and the time
 * of each stage. Questions continue one conversation until a new one is started.
 */
@Named
@ViewScoped
public class CapsulePlayground implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CapsulePage page;
  @EJB AssistantService assistant;
  @Inject CurrentCaller caller;

  /** The container's executor, looked up again once the view has moved to another node. */
  private transient ManagedExecutorService executor;

  private String question;
  private boolean published;
  private UUID conversationId;
  private AnswerDto answer;
  private final List<AnswerDto> earlier = new ArrayList<>();
  private transient PendingAnswer pending;

  /** The page's view action: the capsule of its {@code id} parameter. */
  public void load() throws IOException {
    page.loaded();
  }

  /** Starts the answer on a managed thread; the page polls {@link #poll} until it is done. */
  public void ask() {
    if (question == null || question.isBlank()) {
      PageMessages.fieldProblems("playground", Map.of("question", "Ask a question."));
      return;
    }
    if (pending != null && !pending.done()) {
      return; // one answer at a time
    }
    if (answer != null) {
      earlier.add(0, answer);
      answer = null;
    }
    PendingAnswer started = new PendingAnswer();
    pending = started;
    TenantRef tenant = TenantContext.current();
    Actor actor = ActorContext.find().orElseThrow();
    String askedBy = caller.identity().username();
    Ask ask = new Ask(question, conversationId, !published);
    UUID capsuleId = page.capsuleId();
    executor()
        .execute(
            () ->
                ActorContext.runAs(
                    actor,
                    () ->
                        TenantContext.runAs(
                            tenant,
                            () -> {
                              try {
                                started.answered(
                                    assistant.ask(capsuleId, ask, askedBy, started::token));
                              } catch (RuntimeException e) {
                                started.failed(e);
                              }
                            })));
  }

  private ManagedExecutorService executor() {
    if (executor == null) {
      try {
        executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
      } catch (NamingException e) {
        throw new IllegalStateException("No managed executor in this server", e);
      }
    }
    return executor;
  }

  /** Called by the poll: takes the finished answer, or shows a refusal. */
  public void poll() {
    if (pending == null || !pending.done()) {
      return;
    }
    if (pending.answer() != null) {
      answer = pending.answer();
      conversationId = answer.conversationId();
      question = null;
    } else {
      PageMessages.failed("The question was not answered", pending.failure(), "playground");
    }
    pending = null;
  }

  public void newConversation() {
    conversationId = null;
    answer = null;
    earlier.clear();
  }

  /** An answer is being made (the page keeps polling until {@link #poll} took it). */
  public boolean isStreaming() {
    return pending != null;
  }

  public String getStreamed() {
    return pending == null ? "" : pending.streamed();
  }

  public String getQuestion() {
    return question;
  }

  public void setQuestion(String question) {
    this.question = question;
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean published) {
    this.published = published;
  }

  public AnswerDto getAnswer() {
    return answer;
  }

  public List<AnswerDto> getEarlier() {
    return earlier;
  }

  public UUID getConversationId() {
    return conversationId;
  }
}
