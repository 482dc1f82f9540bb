package io.encaptio.interfaces.capsule.web;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.CapsuleService.TemplateDto;
import io.encaptio.application.CapsuleWizard;
import io.encaptio.application.CapsuleWizard.FirstCapsule;
import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.event.FlowEvent;

/**
 * The step-by-step wizard for a first capsule: name and template, first content, the assistant's
 * welcome and persona (prefilled from the template), then a review; the capsule is created only at
 * the end, in one transaction, and opens in the editor.
 */
@Named
@ViewScoped
public class FirstCapsuleWizard implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Steps, in order, with the fields of each (to send a refusal back to its step). */
  private static final Map<String, List<String>> STEPS =
      Map.of(
          "start", List.of("name", "template"),
          "content", List.of("title", "text", "url"),
          "assistant", List.of("welcomeMessage", "persona"));

  @EJB CapsuleService capsules;
  @EJB CapsuleWizard wizard;
  @Inject Access access;

  private List<TemplateDto> templates;
  private String name;
  private String template = "blank";
  private String contentTitle;
  private String contentText;
  private String url;
  private String welcomeMessage;
  private String persona;
  private String step = "start";

  @PostConstruct
  void init() {
    templates = capsules.templates();
  }

  /** Only owners and editors make capsules; others go back to the list. */
  public void requireEditor() throws IOException {
    if (!access.isEditor()) {
      FacesContext.getCurrentInstance().getExternalContext().redirect("capsules.xhtml");
    }
  }

  /** Moving on: checks the step just filled in; entering "assistant" prefills from the template. */
  public String onFlow(FlowEvent event) {
    if ("start".equals(event.getOldStep()) && !event.getNewStep().equals("start")) {
      if (name == null || name.isBlank()) {
        problem("name", "Give the capsule a name; visitors see it.");
        return event.getOldStep();
      }
    }
    if ("content".equals(event.getOldStep()) && "assistant".equals(event.getNewStep())) {
      boolean hasText = contentText != null && !contentText.isBlank();
      boolean hasTitle = contentTitle != null && !contentTitle.isBlank();
      if (hasText != hasTitle) {
        problem(hasText ? "title" : "text", "Give the text both a title and the text itself.");
        return event.getOldStep();
      }
    }
    if ("assistant".equals(event.getNewStep()) && welcomeMessage == null) {
      TemplateDto chosen =
          templates.stream().filter(t -> t.key().equals(template)).findFirst().orElseThrow();
      welcomeMessage = chosen.settings().welcomeMessage();
      persona = chosen.settings().persona();
    }
    step = event.getNewStep();
    return step;
  }

  public void create() throws IOException {
    if (!access.isEditor()) {
      PageMessages.inform("Nothing was created", "Only editors, admins and owners make capsules.");
      return;
    }
    try {
      CapsuleDto created =
          wizard.create(
              new FirstCapsule(
                  name, template, welcomeMessage, persona, contentTitle, contentText, url));
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect("capsule.xhtml?id=" + created.id() + "&created=true");
    } catch (RuntimeException e) {
      if (e instanceof InvalidCapsuleException invalid) {
        invalid.problems().forEach(this::problem);
        PageMessages.inform(
            "Nothing was created yet", "Go back to the step named above and fix it.");
        FacesContext.getCurrentInstance().validationFailed();
      } else {
        PageMessages.failed("The capsule was not created", e);
      }
    }
  }

  /** A refusal shown at the top, naming the step where the field is. */
  private void problem(String field, String message) {
    String where =
        STEPS.entrySet().stream()
            .filter(s -> s.getValue().contains(field))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse("review");
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR, "Step \u201c" + where + "\u201d: " + message, null));
    FacesContext.getCurrentInstance().validationFailed();
  }

  public String getTemplateTitle() {
    return templates.stream()
        .filter(t -> t.key().equals(template))
        .map(TemplateDto::title)
        .findFirst()
        .orElse(template);
  }

  public List<TemplateDto> getTemplates() {
    return templates;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public String getContentTitle() {
    return contentTitle;
  }

  public void setContentTitle(String contentTitle) {
    this.contentTitle = contentTitle;
  }

  public String getContentText() {
    return contentText;
  }

  public void setContentText(String contentText) {
    this.contentText = contentText;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getWelcomeMessage() {
    return welcomeMessage;
  }

  public void setWelcomeMessage(String welcomeMessage) {
    this.welcomeMessage = welcomeMessage;
  }

  public String getPersona() {
    return persona;
  }

  public void setPersona(String persona) {
    this.persona = persona;
  }

  public String getStep() {
    return step;
  }
}
