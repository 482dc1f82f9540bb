package io.encaptio.interfaces.web;

import io.encaptio.interfaces.problem.ServiceFailures;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;

/** Messages a page shows about the last action: what happened, or what to fix. */
public final class PageMessages {

  private PageMessages() {}

  public static void inform(String summary, String detail) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
  }

  /** The service's own message (what to fix) for a refused change; never a stack trace. */
  public static void refuse(String summary, EJBException e) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR, summary, ServiceFailures.cause(e).getMessage()));
    FacesContext.getCurrentInstance().validationFailed();
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
