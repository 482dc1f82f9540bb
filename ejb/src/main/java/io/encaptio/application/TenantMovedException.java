package io.encaptio.application;

import jakarta.ejb.ApplicationException;

/**
 * The tenant's data moved to another database server while the request ran (it held where the data
 * was before): nothing was changed, and the same request sent again reaches the new server.
 */
@ApplicationException(rollback = true)
public class TenantMovedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TenantMovedException() {
    super(
        "This organization's data moved to another database server while the request ran;"
            + " nothing was changed. Send it again.");
  }

  /**
   * Whether the failure came from PostgreSQL saying a table (42P01) or schema (3F000) named by
   * {@code schema} is not there: for a tenant's schema, which is always complete otherwise, it
   * moved to another server while the request ran.
   */
  public static boolean schemaGone(Throwable failure, java.util.function.Predicate<String> schema) {
    return sqlState(
        failure,
        sql ->
            ("42P01".equals(sql.getSQLState()) || "3F000".equals(sql.getSQLState()))
                && schema.test(String.valueOf(sql.getMessage())));
  }

  /** Whether an SQL exception among the failure's causes is one {@code wanted} accepts. */
  public static boolean sqlState(
      Throwable failure, java.util.function.Predicate<java.sql.SQLException> wanted) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException sql && wanted.test(sql)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
