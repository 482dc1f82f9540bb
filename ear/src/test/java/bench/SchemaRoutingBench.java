package bench;

import it.encaptio.ItEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * The two ways of routing a transaction to a tenant's schema, side by side on one connection to the
 * benchmark's database: statements that name the schema (what EclipseLink's TABLE_PER_TENANT SCHEMA
 * discriminator writes, the way Encaptio routes) and {@code SET LOCAL search_path} before
 * unqualified statements. Each transaction reads one user profile by key; the two variants
 * alternate in rounds so drift of the machine hits both alike. Writes {@code routing-sql.txt}.
 */
public final class SchemaRoutingBench {

  private static final int ROUNDS = 10;
  private static final int PER_ROUND = 2_000;

  public static void main(String[] args) throws Exception {
    Path out = Path.of(System.getProperty("bench.out", ".run/bench-tenants"));
    try (Connection db = ItEnvironment.database()) {
      String schema = ItEnvironment.tenantSchema(db, "acme");
      db.setAutoCommit(false);
      long[] qualified = new long[ROUNDS * PER_ROUND];
      long[] searchPath = new long[ROUNDS * PER_ROUND];
      try (PreparedStatement named =
              db.prepareStatement(
                  "select username from \"" + schema + "\".user_profile where subject = ?");
          Statement set = db.createStatement();
          PreparedStatement unqualified =
              db.prepareStatement("select username from user_profile where subject = ?")) {
        for (int warmUp = 0; warmUp < PER_ROUND; warmUp++) {
          qualified(db, named);
          searchPath(db, set, unqualified, schema);
        }
        for (int round = 0; round < ROUNDS; round++) {
          for (int i = 0; i < PER_ROUND; i++) {
            long start = System.nanoTime();
            qualified(db, named);
            qualified[round * PER_ROUND + i] = System.nanoTime() - start;
          }
          for (int i = 0; i < PER_ROUND; i++) {
            long start = System.nanoTime();
            searchPath(db, set, unqualified, schema);
            searchPath[round * PER_ROUND + i] = System.nanoTime() - start;
          }
        }
      }
      long a = median(qualified);
      long b = median(searchPath);
      String line =
          String.format(
              Locale.ROOT,
              "schema-qualified median_us=%.1f; search_path median_us=%.1f; ratio=%.2f;"
                  + " transactions=%d each%n",
              a / 1_000.0,
              b / 1_000.0,
              (double) b / a,
              qualified.length);
      Files.writeString(out.resolve("routing-sql.txt"), line);
      System.out.print("routing-sql: " + line);
    }
  }

  private static void qualified(Connection db, PreparedStatement named) throws SQLException {
    named.setString(1, "nobody");
    try (ResultSet rows = named.executeQuery()) {
      rows.next();
    }
    db.commit();
  }

  private static void searchPath(
      Connection db, Statement set, PreparedStatement unqualified, String schema)
      throws SQLException {
    set.execute("SET LOCAL search_path TO \"" + schema + "\"");
    unqualified.setString(1, "nobody");
    try (ResultSet rows = unqualified.executeQuery()) {
      rows.next();
    }
    db.commit();
  }

  private static long median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
