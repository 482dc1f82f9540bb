package io.encaptio.interfaces.capsule.web;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.CapsuleService.CapsuleSummary;
import io.encaptio.application.CapsuleService.TemplateDto;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The capsules of the organization, page by page, and the "New capsule" dialog. */
@Named
@ViewScoped
public class CapsuleList implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB CapsuleService service;
  @Inject Access access;

  private LazyDataModel<CapsuleSummary> capsules;
  private List<TemplateDto> templates;
  private String newName;
  private String newTemplate = "blank";
  private Boolean empty;

  @PostConstruct
  void init() {
    capsules = new Capsules(service);
    templates = service.templates();
  }

  /** Creates the capsule and opens it in the editor; refusals are shown next to the name. */
  public void create() throws IOException {
    try {
      CapsuleDto created = service.create(newName, newTemplate);
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect("capsule.xhtml?id=" + created.id() + "&created=true");
    } catch (RuntimeException e) {
      PageMessages.failed("The capsule was not created", e, "newCapsuleForm");
    }
  }

  /** Whether the organization has no capsule yet (the page offers the first-capsule wizard). */
  public boolean isNoCapsules() {
    if (empty == null) {
      empty = service.capsules(0, 1).total() == 0;
    }
    return empty;
  }

  public boolean isEditor() {
    return access.isEditor();
  }

  public LazyDataModel<CapsuleSummary> getCapsules() {
    return capsules;
  }

  public List<TemplateDto> getTemplates() {
    return templates;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public String getNewTemplate() {
    return newTemplate;
  }

  public void setNewTemplate(String newTemplate) {
    this.newTemplate = newTemplate;
  }

  /** Capsules page by page from the tenant's schema, never all in memory. */
  static final class Capsules extends LazyDataModel<CapsuleSummary> {

    private static final long serialVersionUID = 1L;
    private final transient CapsuleService service;

    Capsules(CapsuleService service) {
      this.service = service;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) service.capsules(0, 1).total();
    }

    @Override
    public List<CapsuleSummary> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      var page = service.capsules(first, pageSize);
      setRowCount((int) page.total());
      return page.capsules();
    }

    @Override
    public String getRowKey(CapsuleSummary row) {
      return row.id().toString();
    }
  }
}
