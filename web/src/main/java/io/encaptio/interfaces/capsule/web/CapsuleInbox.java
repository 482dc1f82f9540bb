package io.encaptio.interfaces.capsule.web;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.DeliveryService;
import io.encaptio.application.DeliveryService.ConversationDetailDto;
import io.encaptio.application.DeliveryService.LeadDto;
import io.encaptio.domain.ai.ConversationSummary;
import io.encaptio.interfaces.capsule.rest.LeadsCsv;
import io.encaptio.interfaces.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * A capsule's inbox for its editors: visitors' conversations (only those with unanswered questions,
 * if asked), one conversation's transcript with its citations, feedback and lead, and the leads
 * with a CSV download.
 */
@Named
@ViewScoped
public class CapsuleInbox implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB DeliveryService service;
  @EJB CapsuleService capsules;
  @Inject CurrentCaller caller;

  private String id;
  private CapsuleDto capsule;
  private boolean unansweredOnly;
  private List<ConversationSummary> conversations;
  private ConversationDetailDto selected;
  private List<LeadDto> leads;

  /** The capsule of the {@code id} parameter, for its editors; others get 403. */
  public void load() throws IOException {
    if (capsule != null) {
      return;
    }
    if (!caller.identity().canEditCapsules()) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces
          .getExternalContext()
          .responseSendError(403, "Only owners and editors read visitors' conversations.");
      faces.responseComplete();
      return;
    }
    capsule = CapsulePages.load(capsules, id);
    if (capsule != null) {
      refresh();
      leads = service.leads(capsule.id(), 1000);
    }
  }

  /** The conversations again, as the "unanswered only" filter now says. */
  public void refresh() {
    conversations = service.conversations(capsule.id(), 200, unansweredOnly);
  }

  public void open(UUID conversation) {
    selected = service.conversation(capsule.id(), conversation);
  }

  public StreamedContent csv() {
    byte[] bytes =
        LeadsCsv.write(service.leads(capsule.id(), 10_000)).getBytes(StandardCharsets.UTF_8);
    return DefaultStreamedContent.builder()
        .name("leads.csv")
        .contentType("text/csv;charset=UTF-8")
        .contentLength((long) bytes.length)
        .stream(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public CapsuleDto getCapsule() {
    return capsule;
  }

  public boolean isUnansweredOnly() {
    return unansweredOnly;
  }

  public void setUnansweredOnly(boolean unansweredOnly) {
    this.unansweredOnly = unansweredOnly;
  }

  public List<ConversationSummary> getConversations() {
    return conversations;
  }

  public ConversationDetailDto getSelected() {
    return selected;
  }

  public List<LeadDto> getLeads() {
    return leads;
  }
}
