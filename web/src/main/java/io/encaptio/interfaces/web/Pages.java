package io.encaptio.interfaces.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/** What a page's bean sends instead of the page: a refusal with its reason, a file to download. */
public final class Pages {

  private Pages() {}

  /** Answers the request with 403 and the reason, in place of the page. */
  public static void refuse(String reason) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().responseSendError(403, reason);
    faces.responseComplete();
  }

  /** Answers the request with a file to save, in place of the page. */
  public static void download(String fileName, String contentType, byte[] body) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType(contentType);
    external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    external.getResponseOutputStream().write(body);
    faces.responseComplete();
  }
}
