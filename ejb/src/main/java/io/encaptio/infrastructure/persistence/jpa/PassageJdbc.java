package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.infrastructure.tracing.DatabaseSpans;
import io.encaptio.tenancy.context.TenantContext;
import io.opentelemetry.api.trace.Tracer;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link PassageSql}'s statements (written with numbered parameters, {@code ?1}, as
 * EclipseLink binds them) as plain JDBC on the transaction's connection. Several statements
 * separated by {@code ;} go to PostgreSQL in one round trip (the driver sends them as one batch);
 * the rows of the last are returned. The server's statement cache keeps the prepared statements
 * between searches. Each call is a span of the current trace with the SQL sent.
 */
final class PassageJdbc {

  private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

  /**
   * A statement in JDBC's form, which numbered parameter each {@code ?} is, and the name of its
   * span (the last statement's verb and table: {@code SELECT tenant_x.passage}).
   */
  private record Prepared(String sql, int[] parameters, String span) {}

  /** The table a statement reads or writes first. */
  private static final Pattern TABLE =
      Pattern.compile("\\b(?:FROM|INTO|UPDATE)\\s+([\\w.\"]+)", Pattern.CASE_INSENSITIVE);

  private static final Map<String, Prepared> PREPARED = new ConcurrentHashMap<>();

  private PassageJdbc() {}

  /** Runs the statements in a span of the current trace (none outside a trace). */
  static List<Object[]> query(
      Tracer tracer, Connection connection, String sql, Map<Integer, ?> values) {
    Prepared prepared = PREPARED.computeIfAbsent(sql, PassageJdbc::prepare);
    String schema = TenantContext.find().map(t -> t.schemaName().value()).orElse(null);
    try (PreparedStatement statement = connection.prepareStatement(prepared.sql())) {
      for (int i = 0; i < prepared.parameters().length; i++) {
        statement.setObject(i + 1, values.get(prepared.parameters()[i]));
      }
      return DatabaseSpans.around(
          tracer, prepared.span(), schema, prepared.sql(), () -> rows(statement));
    } catch (SQLException e) {
      throw new PersistenceException("Retrieval statement failed: " + e.getMessage(), e);
    }
  }

  private static List<Object[]> rows(PreparedStatement statement) throws SQLException {
    List<Object[]> rows = List.of();
    boolean results = statement.execute();
    while (results || statement.getUpdateCount() != -1) {
      if (results) {
        try (ResultSet set = statement.getResultSet()) {
          rows = read(set);
        }
      }
      results = statement.getMoreResults();
    }
    return rows;
  }

  private static Prepared prepare(String sql) {
    Matcher numbered = NUMBERED.matcher(sql);
    StringBuilder jdbc = new StringBuilder();
    List<Integer> parameters = new ArrayList<>();
    while (numbered.find()) {
      parameters.add(Integer.parseInt(numbered.group(1)));
      numbered.appendReplacement(jdbc, "?");
    }
    numbered.appendTail(jdbc);
    return new Prepared(
        jdbc.toString(), parameters.stream().mapToInt(Integer::intValue).toArray(), span(sql));
  }

  static String span(String sql) {
    String last = sql.substring(sql.lastIndexOf(';') + 1).strip();
    String verb = last.split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT);
    Matcher table = TABLE.matcher(last);
    return table.find() ? verb + " " + table.group(1).replace("\"", "") : verb;
  }

  private static List<Object[]> read(ResultSet set) throws SQLException {
    int columns = set.getMetaData().getColumnCount();
    List<Object[]> rows = new ArrayList<>();
    while (set.next()) {
      Object[] row = new Object[columns];
      for (int c = 0; c < columns; c++) {
        row[c] = set.getObject(c + 1);
      }
      rows.add(row);
    }
    return rows;
  }
}
