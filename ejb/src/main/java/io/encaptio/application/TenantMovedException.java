package io.encaptio.application;

import jakarta.ejb.ApplicationException;
import java.util.function.Predicate;

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
  public static boolean schemaGone(Throwable failure, Predicate<String> schema) {
    return SqlFailures.anyCause(
        failure,
        sql ->
            ("42P01".equals(sql.getSQLState()) || "3F000".equals(sql.getSQLState()))
                && schema.test(String.valueOf(sql.getMessage())));
  }
}
