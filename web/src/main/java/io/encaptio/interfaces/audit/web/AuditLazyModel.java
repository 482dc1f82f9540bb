package io.encaptio.interfaces.audit.web;

import io.encaptio.application.AuditService;
import io.encaptio.application.AuditService.AuditEntryDto;
import io.encaptio.application.AuditService.AuditFilter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Audit rows page by page from the tenant's log, newest first; never all in memory. */
class AuditLazyModel extends LazyDataModel<AuditEntryDto> {

  private static final long serialVersionUID = 1L;

  private final transient AuditService audit;
  private final transient Supplier<AuditFilter> filter;

  AuditLazyModel(AuditService audit, Supplier<AuditFilter> filter) {
    this.audit = audit;
    this.filter = filter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) audit.entries(filter.get(), 0, 1).total();
  }

  @Override
  public List<AuditEntryDto> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    var page = audit.entries(filter.get(), first, pageSize);
    setRowCount((int) page.total());
    return page.entries();
  }

  @Override
  public String getRowKey(AuditEntryDto row) {
    return row.id().toString();
  }
}
