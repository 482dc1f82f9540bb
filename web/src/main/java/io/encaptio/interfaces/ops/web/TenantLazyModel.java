package io.encaptio.interfaces.ops.web;

import io.encaptio.application.TenantAdministration;
import io.encaptio.application.TenantAdministration.TenantRow;
import io.encaptio.tenancy.domain.TenantQuery;
import io.encaptio.tenancy.domain.TenantStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Tenants page by page from the database, sorted and filtered there, never all in memory. */
class TenantLazyModel extends LazyDataModel<TenantRow> {

  private static final long serialVersionUID = 1L;

  private final transient TenantAdministration administration;

  TenantLazyModel(TenantAdministration administration) {
    this.administration = administration;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) administration.tenants(query(0, 1, Map.of(), filterBy)).total();
  }

  @Override
  public List<TenantRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    var page = administration.tenants(query(first, pageSize, sortBy, filterBy));
    setRowCount((int) page.total());
    return page.rows();
  }

  @Override
  public String getRowKey(TenantRow row) {
    return row.overview().tenant().slug();
  }

  static TenantQuery query(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    TenantQuery.Sort sort = TenantQuery.Sort.SLUG;
    boolean ascending = true;
    for (SortMeta meta : sortBy.values()) {
      sort = TenantQuery.Sort.valueOf(meta.getField().toUpperCase(Locale.ROOT));
      ascending = meta.getOrder() != SortOrder.DESCENDING;
    }
    return new TenantQuery(
        text(filterBy.get("slug")),
        status(filterBy.get("status")),
        sort,
        ascending,
        first,
        pageSize);
  }

  private static String text(FilterMeta meta) {
    return meta == null || meta.getFilterValue() == null ? null : meta.getFilterValue().toString();
  }

  private static TenantStatus status(FilterMeta meta) {
    String value = text(meta);
    return value == null || value.isBlank() ? null : TenantStatus.valueOf(value);
  }
}
