package io.encaptio.interfaces.audit.web;

import io.encaptio.application.AuditService;
import io.encaptio.application.AuditService.AuditEntryDto;
import io.encaptio.application.AuditService.AuditFilter;
import io.encaptio.application.AuditService.AuditPage;
import io.encaptio.interfaces.audit.facade.AuditCsv;
import io.encaptio.interfaces.audit.facade.AuditFilters;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.web.PageMessages;
import io.encaptio.interfaces.web.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.LazyDataModel;

/**
 * The Audit page (admins and owners): the organization's log filtered by who, what, capsule and
 * dates, loaded page by page, with the filtered rows as CSV.
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int CSV_ROWS = 100_000;

  @EJB transient AuditService audit;
  @Inject transient Access access;

  private String actor;
  private String action;
  private String capsule;
  private LocalDate from;
  private LocalDate to;
  private AuditFilter filter = new AuditFilter(null, null, null, null, null);
  private LazyDataModel<AuditEntryDto> entries;

  @PostConstruct
  void init() {
    entries = new AuditLazyModel(audit, () -> filter);
  }

  public void requireAdmin() throws IOException {
    if (!access.can(io.encaptio.application.access.Permission.READ_AUDIT)) {
      Pages.refuse("Only admins and owners of the organization read its audit log.");
    }
  }

  /** Applies the filter fields; a malformed one is shown next to its field, the list unchanged. */
  public void apply() {
    try {
      filter =
          AuditFilters.of(
              actor,
              action,
              capsule,
              from == null ? null : from.toString(),
              to == null ? null : to.toString());
      if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
        throw new io.encaptio.domain.shared.InvalidInputException(
            "to", "The last day comes on or after the first day.");
      }
    } catch (RuntimeException e) {
      PageMessages.failed("The filter was not applied", e, "filter");
    }
  }

  /** The filtered rows as CSV, as a download. */
  public void csv() throws IOException {
    List<AuditEntryDto> rows = new ArrayList<>();
    for (int first = 0; first < CSV_ROWS; first += 500) {
      AuditPage page = audit.entries(filter, first, 500);
      rows.addAll(page.entries());
      if (page.entries().size() < 500) {
        break;
      }
    }
    Pages.download(
        "audit.csv",
        "text/csv;charset=UTF-8",
        AuditCsv.write(rows).getBytes(StandardCharsets.UTF_8));
  }

  public LazyDataModel<AuditEntryDto> getEntries() {
    return entries;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getCapsule() {
    return capsule;
  }

  public void setCapsule(String capsule) {
    this.capsule = capsule;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}
