package io.encaptio.interfaces.portal.web;

import io.encaptio.interfaces.security.CurrentCaller;
import io.encaptio.tenancy.application.TenantResolver;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** Lets a person who belongs to several organizations pick the one to work in. */
@Named
@ViewScoped
public class OrganizationChooser implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One organization on the list: its alias and, when registered, its display name. */
  public record Choice(String alias, String name, boolean available) implements Serializable {}

  @Inject transient CurrentCaller caller;
  @Inject transient TenantResolver resolver;
  @Inject PortalSession session;

  private List<Choice> choices;

  @PostConstruct
  void init() {
    choices =
        caller.identity().organizations().stream()
            .map(
                alias ->
                    resolver
                        .byOrganizationAlias(alias)
                        .map(t -> new Choice(alias, t.displayName(), t.isActive()))
                        .orElse(new Choice(alias, alias, false)))
            .toList();
  }

  public List<Choice> getChoices() {
    return choices;
  }

  public void choose(String alias) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    boolean allowed = choices.stream().anyMatch(c -> c.alias().equals(alias) && c.available());
    if (!allowed) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_WARN,
              "That organization is not available",
              "Choose another organization or contact your administrator."));
      return;
    }
    session.choose(alias);
    faces
        .getExternalContext()
        .redirect(faces.getExternalContext().getRequestContextPath() + "/app/dashboard.xhtml");
  }
}
