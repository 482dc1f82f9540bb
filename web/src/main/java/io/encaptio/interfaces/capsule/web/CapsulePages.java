package io.encaptio.interfaces.capsule.web;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.interfaces.problem.ServiceFailures;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.UUID;

/** What the pages of one capsule (editor, playground, inbox) share. */
final class CapsulePages {

  private CapsulePages() {}

  /**
   * The capsule named by a page's {@code id} parameter; for a malformed or unknown id (or one of
   * another organization) the browser goes to the capsule list, which says so, and this is null.
   */
  static CapsuleDto load(CapsuleService service, String id) throws IOException {
    try {
      return service.capsule(UUID.fromString(id));
    } catch (IllegalArgumentException | NullPointerException | EJBException e) {
      if (e instanceof EJBException ejb
          && !(ServiceFailures.cause(ejb) instanceof NoSuchCapsuleException)) {
        throw ejb;
      }
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect("capsules.xhtml?missing=true");
      return null;
    }
  }
}
