package io.encaptio.application;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Predicate;

/** What PostgreSQL said, read from the SQL exceptions among a failure's causes. */
public final class SqlFailures {

  private SqlFailures() {}

  /** Whether an SQL exception among the failure's causes is one {@code wanted} accepts. */
  public static boolean anyCause(Throwable failure, Predicate<SQLException> wanted) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && wanted.test(sql)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * Whether an SQL exception among the failure's causes has one of these SQLSTATE codes (an
   * exception without one, as a pool or driver may throw, has none of them).
   */
  public static boolean hasState(Throwable failure, String... states) {
    Set<String> codes = Set.of(states);
    return anyCause(failure, sql -> sql.getSQLState() != null && codes.contains(sql.getSQLState()));
  }
}
