package it.encaptio.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.ai.AssistantFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL here runs with autovacuum off, and a production server analyzes only after its
 * thresholds: a large ingestion gathers the statistics of the chunks and their keyword postings
 * itself, so the planner knows the new rows (and uses the indexes) when the item shows "ready".
 */
class IndexStatisticsIT {

  private final CapsuleApi alice = new CapsuleApi("alice.acme");

  @Test
  void aLargeIngestionLeavesTheChunkStatisticsCurrent() throws SQLException {
    try (Connection db = ItEnvironment.database()) {
      String schema = ItEnvironment.tenantSchema(db, "acme");
      double counted = counted(db, schema);
      int sections = (int) Math.max(60, 60 + 0.1 * counted);
      StringBuilder text = new StringBuilder();
      for (int i = 1; i <= sections; i++) {
        text.append("# Room ").append(i).append("\n\nRoom ").append(i);
        text.append(" has ").append(i % 7 + 1).append(" windows facing the courtyard.\n\n");
      }
      Instant before = Instant.now();
      String capsule = AssistantFixture.capsule(alice, "Statistics " + System.nanoTime());
      String item = AssistantFixture.add(alice, capsule, "Rooms", text.toString());
      JsonNode ready = alice.expect(200, "GET", "/" + capsule + "/content/" + item, null);
      assertThat(ready.get("stage").asText()).isEqualTo("ready");
      assertThat(ready.get("chunks").asInt())
          .as("enough chunks to pass the analyze rule")
          .isGreaterThan((int) (50 + 0.1 * counted));

      for (String table : new String[] {"chunk", "chunk_term", "keyword_term"}) {
        assertThat(lastAnalyzed(db, schema, table))
            .as(table + " analyzed by the ingestion job")
            .isAfter(before);
      }
      assertThat(counted(db, schema))
          .as("the planner counts the new chunks")
          .isGreaterThan(counted);
    }
  }

  private static double counted(Connection db, String schema) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement(
            "select reltuples from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relname = 'chunk'")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return Math.max(0, rows.getDouble(1));
      }
    }
  }

  private static Instant lastAnalyzed(Connection db, String schema, String table)
      throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement(
            "select last_analyze from pg_stat_user_tables where schemaname = ? and relname = ?")) {
      query.setString(1, schema);
      query.setString(2, table);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        Timestamp at = rows.getTimestamp(1);
        return at == null ? Instant.EPOCH : at.toInstant();
      }
    }
  }
}
