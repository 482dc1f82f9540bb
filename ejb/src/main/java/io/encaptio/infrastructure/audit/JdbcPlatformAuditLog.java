package io.encaptio.infrastructure.audit;

import io.encaptio.domain.audit.AuditEntry;
import io.encaptio.domain.audit.PlatformAuditLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code platform.platform_audit_log} through the application's JTA data source: a row is written
 * in the transaction of the operator's change, or alone when the change runs outside one.
 */
@ApplicationScoped
public class JdbcPlatformAuditLog implements PlatformAuditLog {

  @Resource(lookup = "jdbc/encaptio")
  DataSource dataSource;

  @Override
  public void append(AuditEntry.Who who, String action, String tenantSlug, String detail) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO platform.platform_audit_log (id, actor_kind, actor_subject,"
                    + " actor_name, action, tenant_slug, address, detail)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setString(2, who.kind());
      insert.setString(3, who.subject());
      insert.setString(4, who.name());
      insert.setString(5, action);
      insert.setString(6, tenantSlug);
      insert.setString(7, who.address());
      insert.setString(8, detail);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write the platform audit log", e);
    }
  }

  @Override
  public List<AuditEntry> page(String tenantSlug, int first, int max) {
    String sql =
        "SELECT id, at, actor_kind, actor_subject, actor_name, action, tenant_slug, address, detail"
            + " FROM platform.platform_audit_log"
            + (tenantSlug == null ? "" : " WHERE tenant_slug = ?")
            + " ORDER BY at DESC, id DESC OFFSET ? LIMIT ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      int i = 1;
      if (tenantSlug != null) {
        query.setString(i++, tenantSlug);
      }
      query.setInt(i++, first);
      query.setInt(i, max);
      List<AuditEntry> rows = new ArrayList<>();
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          rows.add(
              AuditEntry.restored(
                  r.getObject(1, UUID.class),
                  r.getObject(2, OffsetDateTime.class),
                  new AuditEntry.Who(
                      r.getString(3), r.getString(4), r.getString(5), null, r.getString(8)),
                  r.getString(6),
                  r.getString(7),
                  null,
                  r.getString(9)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the platform audit log", e);
    }
  }

  @Override
  public long count(String tenantSlug) {
    String sql =
        "SELECT count(*) FROM platform.platform_audit_log"
            + (tenantSlug == null ? "" : " WHERE tenant_slug = ?");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      if (tenantSlug != null) {
        query.setString(1, tenantSlug);
      }
      try (ResultSet r = query.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the platform audit log", e);
    }
  }
}
