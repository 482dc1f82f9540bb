package io.encaptio.interfaces.ops.web;

import static io.encaptio.interfaces.web.PageMessages.failed;
import static io.encaptio.interfaces.web.PageMessages.inform;

import io.encaptio.application.AuditService;
import io.encaptio.application.TenantAdministration;
import io.encaptio.application.TenantAdministration.TenantRow;
import io.encaptio.application.TenantProvisioning;
import io.encaptio.interfaces.ops.facade.TenantExportFile;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.domain.TenantStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.StreamedContent;

/** The operators' tenant list: find tenants, see their state, suspend and resume them. */
@Named
@ViewScoped
public class TenantConsole implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The request parameter each row's buttons carry: the tenant's identifier. */
  static final String TENANT_PARAM = "tenant";

  @EJB TenantAdministration administration;
  @EJB TenantProvisioning provisioning;
  @EJB AuditService audit;

  private NewTenantForm newTenant = new NewTenantForm();

  private LazyDataModel<TenantRow> tenants;
  private String selectedSlug;
  private String suspensionReason;
  private String deleteConfirmation;

  @PostConstruct
  void init() {
    tenants = new TenantLazyModel(administration);
  }

  public LazyDataModel<TenantRow> getTenants() {
    return tenants;
  }

  /** The last operators' actions on tenants, newest first. */
  public List<AuditService.AuditEntryDto> getRecentActions() {
    return audit.platformEntries(null, 0, 20).entries();
  }

  public TenantStatus[] getStatuses() {
    return TenantStatus.values();
  }

  public NewTenantForm getNewTenant() {
    return newTenant;
  }

  public void prepareNewTenant() {
    newTenant = new NewTenantForm();
  }

  /**
   * Provisions the tenant from the dialog. Invalid input is shown next to its field and nothing is
   * created; a failure half way leaves the tenant in provisioning, completed by "Complete".
   */
  public void provision() {
    try {
      TenantRef tenant = provisioning.provision(newTenant.toRequest()).tenant();
      inform(
          "Tenant " + tenant.slug() + " is ready",
          newTenant.getOwnerEmail()
              + " is invited as its owner and sets a password at first sign-in.");
    } catch (RuntimeException e) {
      failed("Tenant " + newTenant.getSlug() + " is not ready yet", e, "newTenantForm");
    }
  }

  /** The tenant's export (zip of CSV per table and a manifest) as a download. */
  public StreamedContent export() {
    String slug = clickedTenant();
    TenantExportFile archive = TenantExportFile.of(administration, slug);
    return DefaultStreamedContent.builder()
        .name(slug + "-export.zip")
        .contentType("application/zip")
        .contentLength(archive.size())
        .stream(archive::open)
        .build();
  }

  public void completeProvisioning() {
    String slug = clickedTenant();
    try {
      provisioning.completeProvisioning(slug);
      inform("Tenant " + slug + " is ready", "Its provisioning was completed.");
    } catch (RuntimeException e) {
      failed("Tenant " + slug + " is still provisioning", e);
    }
  }

  /** Remembers which tenant the suspend dialog is about and clears the last reason. */
  public void prepareSuspend() {
    selectedSlug = clickedTenant();
    suspensionReason = null;
  }

  /** Remembers which tenant the delete dialog is about and clears the last confirmation. */
  public void prepareDelete() {
    selectedSlug = clickedTenant();
    deleteConfirmation = null;
  }

  public void delete() {
    if (selectedSlug == null) {
      noTenantChosen("No tenant was deleted", "Choose Delete in the tenant's row again.");
      return;
    }
    try {
      TenantAdministration.DeletedTenant deleted =
          administration.delete(selectedSlug, deleteConfirmation);
      inform(
          "Tenant " + selectedSlug + " is deleted",
          "Its export ("
              + deleted.rows().values().stream().mapToLong(Long::longValue).sum()
              + " rows) is kept at "
              + deleted.exportFile()
              + ".");
    } catch (RuntimeException e) {
      failed("Tenant " + selectedSlug + " was not deleted", e);
    }
  }

  public String getDeleteConfirmation() {
    return deleteConfirmation;
  }

  public void setDeleteConfirmation(String deleteConfirmation) {
    this.deleteConfirmation = deleteConfirmation;
  }

  public void suspend() {
    if (selectedSlug == null) {
      noTenantChosen("No tenant was suspended", "Choose Suspend in the tenant's row again.");
      return;
    }
    try {
      administration.suspend(selectedSlug, suspensionReason);
      inform(
          "Tenant " + selectedSlug + " is suspended",
          "Its users and API clients are refused until you resume it.");
    } catch (RuntimeException e) {
      failed("Tenant " + selectedSlug + " was not suspended", e);
    }
  }

  public void resume() {
    String slug = clickedTenant();
    try {
      administration.resume(slug);
      inform("Tenant " + slug + " is active again", "Its users can sign in and its API answers.");
    } catch (RuntimeException e) {
      failed("Tenant " + slug + " was not resumed", e);
    }
  }

  /**
   * The tenant whose row button was clicked, as rendered into the page with the button. Taken from
   * the request rather than from the row index, so rows that moved since the page was drawn
   * (another operator's change, a filter) can never redirect an action to another tenant.
   */
  private static String clickedTenant() {
    String slug =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get(TENANT_PARAM);
    if (slug == null || slug.isBlank()) {
      throw new IllegalArgumentException("No tenant named in the request");
    }
    return slug;
  }

  /** A dialog confirmed without the tenant its row named (the page was renewed meanwhile). */
  private static void noTenantChosen(String summary, String detail) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
    faces.validationFailed();
  }

  public String getSelectedSlug() {
    return selectedSlug;
  }

  public String getSuspensionReason() {
    return suspensionReason;
  }

  public void setSuspensionReason(String suspensionReason) {
    this.suspensionReason = suspensionReason;
  }

  /** Storage in a unit a person reads at a glance. */
  public String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return (bytes / 1024) + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
