package io.encaptio.interfaces.inbox.web;

import io.encaptio.application.DeliveryService;
import io.encaptio.application.DeliveryService.ConversationDetailDto;
import io.encaptio.application.DeliveryService.ConversationSummaryDto;
import io.encaptio.application.DeliveryService.LeadDto;
import io.encaptio.interfaces.capsule.web.CapsulePage;
import io.encaptio.interfaces.lead.facade.LeadsCsv;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.web.Pages;
import jakarta.ejb.EJB;
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
  @Inject CapsulePage page;
  @Inject Access access;

  private boolean unansweredOnly;
  private List<ConversationSummaryDto> conversations;
  private ConversationDetailDto selected;
  private List<LeadDto> leads;

  /** The capsule of the {@code id} parameter, for analysts and above; others get 403. */
  public void load() throws IOException {
    if (conversations != null) {
      return; // postbacks keep the view's state
    }
    if (!access.isAnalyst()) {
      Pages.refuse("Only analysts, editors, admins and owners read visitors' conversations.");
      return;
    }
    if (page.loaded()) {
      refresh();
      leads = service.leads(page.capsuleId(), 1000);
    }
  }

  /** The conversations again, as the "unanswered only" filter now says. */
  public void refresh() {
    conversations = service.conversations(page.capsuleId(), 200, unansweredOnly);
  }

  public void open(UUID conversation) {
    selected = service.conversation(page.capsuleId(), conversation);
  }

  public StreamedContent csv() {
    byte[] bytes =
        LeadsCsv.write(service.leads(page.capsuleId(), 10_000)).getBytes(StandardCharsets.UTF_8);
    return DefaultStreamedContent.builder()
        .name("leads.csv")
        .contentType("text/csv;charset=UTF-8")
        .contentLength((long) bytes.length)
        .stream(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  public boolean isUnansweredOnly() {
    return unansweredOnly;
  }

  public void setUnansweredOnly(boolean unansweredOnly) {
    this.unansweredOnly = unansweredOnly;
  }

  public List<ConversationSummaryDto> getConversations() {
    return conversations;
  }

  public ConversationDetailDto getSelected() {
    return selected;
  }

  public List<LeadDto> getLeads() {
    return leads;
  }
}
