package io.encaptio.interfaces.web;

import io.encaptio.interfaces.problem.Problem;
import io.encaptio.interfaces.problem.Refusals;
import io.encaptio.interfaces.problem.UnexpectedExceptionMapper;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;

/**
 * Messages a page shows about the last action: what happened, or what to fix. A service's refusal
 * is shown in the service's own words (beside each field it names, where the page has the field);
 * anything unexpected is logged under an incident id and the page says only that, with the id,
 * never an exception's text (which may carry SQL, schema names or class names).
 */
public final class PageMessages {

  private PageMessages() {}

  public static void inform(String summary, String detail) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
  }

  /** An action that did not go through, at the top of the page. */
  public static void failed(String summary, Throwable failure) {
    failed(summary, failure, null);
  }

  /**
   * An action that did not go through: a refusal's problems per field beside the fields of {@code
   * formId} (or its message at the top, under {@code summary}), or for anything else a sentence
   * with the incident id the failure is logged under.
   */
  public static void failed(String summary, Throwable failure, String formId) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String view = faces.getViewRoot() == null ? "portal" : faces.getViewRoot().getViewId();
    Problem problem =
        Refusals.of(failure, view)
            .orElseGet(() -> UnexpectedExceptionMapper.incident(failure, view));
    if (formId != null && problem.errors() != null && !problem.errors().isEmpty()) {
      fieldProblems(formId, problem.errors());
      return;
    }
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, problem.detail()));
    faces.validationFailed();
  }

  /**
   * Each problem next to its field: {@code problems} maps a field name to what to fix, shown by the
   * message component of {@code formId:field} (or at the top when the page has no such field).
   */
  public static void fieldProblems(String formId, Map<String, String> problems) {
    FacesContext faces = FacesContext.getCurrentInstance();
    problems.forEach(
        (field, problem) -> {
          String clientId = formId + ":" + field;
          boolean onPage = faces.getViewRoot().findComponent(":" + clientId) != null;
          faces.addMessage(
              onPage ? clientId : null,
              new FacesMessage(FacesMessage.SEVERITY_ERROR, problem, problem));
        });
    faces.validationFailed();
  }
}
