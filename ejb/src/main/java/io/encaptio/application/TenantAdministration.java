package io.encaptio.application;

import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import io.encaptio.tenancy.application.TenantOverview;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.domain.TenantQuery;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** What platform operators do with tenants. */
public interface TenantAdministration {

  /** One page of tenants with their users and storage. */
  @Requires(Permission.OPERATE_PLATFORM)
  TenantPage tenants(TenantQuery query);

  /** Suspends an active tenant: its users and API clients are refused with the reason. */
  @Requires(Permission.OPERATE_PLATFORM)
  TenantRef suspend(String slug, String reason);

  @Requires(Permission.OPERATE_PLATFORM)
  TenantRef resume(String slug);

  /**
   * Sets how much content (files and texts) the tenant may keep; {@code null}: the platform's
   * default again. Content already stored stays; only new content is refused above the limit.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  TenantRef limitContent(String slug, Long bytes);

  /**
   * Writes the tenant's data as one file (zip of CSV per table and a manifest) to {@code out}.
   *
   * @return rows written per table
   */
  @Requires(Permission.OPERATE_PLATFORM)
  Map<String, Long> export(String slug, OutputStream out);

  /**
   * Reads an export into a tenant that holds no data yet, all or nothing.
   *
   * @return rows imported per table
   */
  @Requires(Permission.OPERATE_PLATFORM)
  Map<String, Long> importInto(String slug, InputStream archive);

  /**
   * Deletes a suspended tenant: exports it to a file on the server first, then drops its schema,
   * removes its Keycloak organization and forgets it. The confirmation must repeat the slug.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  DeletedTenant delete(String slug, String confirmation);

  /** Where the export of a deleted tenant was kept, and how many rows it holds per table. */
  record DeletedTenant(String slug, String exportFile, Map<String, Long> rows)
      implements Serializable {}

  /** A tenant on the operators' list. */
  record TenantRow(TenantOverview overview, long users) implements Serializable {}

  record TenantPage(List<TenantRow> rows, long total) implements Serializable {}
}
