package io.encaptio.interfaces.capsule.web;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.CapsuleSettingsDto.ActionDto;
import io.encaptio.application.CapsuleSettingsDto.LeadFormDto;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The editor's draft (the Assistant and Actions tabs, and the brand fields): the fields as the page
 * binds them, saved whole as they change; the assistant's prompt and the preview follow it.
 */
@Named
@ViewScoped
public class DraftEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB CapsuleService capsules;
  @Inject CapsulePage page;

  private DraftForm form;
  private OffsetDateTime savedAt;

  public DraftForm getForm() {
    if (form == null && page.getCapsule() != null) {
      form = DraftForm.of(page.getCapsule().name(), page.getCapsule().draft());
    }
    return form;
  }

  /** Saves the whole draft (called as fields change); what to fix is shown next to its field. */
  public void save() {
    try {
      show(capsules.saveDraft(page.capsuleId(), getForm().getName(), form.toSettings()));
    } catch (RuntimeException e) {
      PageMessages.failed("The draft was not saved", e, "editor");
    }
  }

  /** The capsule a service returned after changing its draft. */
  void show(CapsuleDto saved) {
    page.show(saved);
    savedAt = saved.updatedAt();
  }

  /** The draft as it now is (after a roll-back, say), the fields typed but not saved dropped. */
  void reload() {
    form = DraftForm.of(page.getCapsule().name(), page.getCapsule().draft());
  }

  /** The assistant's prompt with this draft's settings filled in. */
  public String getPromptPreview() {
    return capsules.promptPreview(getForm().getName(), form.toSettings());
  }

  public List<String> getPreviewQuestions() {
    return getForm().toSettings().suggestedQuestions();
  }

  public List<ActionDto> getPreviewActions() {
    return getForm().toSettings().actions();
  }

  public List<String> getLeadFieldChoices() {
    return LeadFormDto.FIELDS;
  }

  public OffsetDateTime getSavedAt() {
    return savedAt;
  }
}
