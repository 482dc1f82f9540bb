package it.encaptio.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A deleted capsule is gone for editors and visitors at once and purged, with its versions, content
 * items, files and chunks, by a job once its retention passes (the test server keeps deleted
 * capsules for 0 hours, production for 30 days).
 */
class CapsulePurgeIT {

  @Test
  void aDeletedCapsuleIsPurgedWithAllItsContent() throws Exception {
    ItEnvironment.awaitDemoTenants();
    CapsuleApi alice = new CapsuleApi("alice.acme");
    JsonNode capsule =
        alice.publishedCapsule("Purge " + UUID.randomUUID(), "blank", "Doomed text.");
    String id = capsule.get("id").asText();
    String item =
        ItEnvironment.json(
                alice
                    .upload(id, "doomed.txt", "A file to purge.".getBytes(StandardCharsets.UTF_8))
                    .body())
            .get("id")
            .asText();
    alice.settled(id, item);

    try (Connection db = ItEnvironment.database()) {
      String t = ItEnvironment.tenantSchema(db, "acme") + ".";
      assertThat(rows(db, "select count(*) from " + t + "content_item where capsule_id = ?", id))
          .isEqualTo(2);
      assertThat(rows(db, "select count(*) from " + t + "chunk where capsule_id = ?", id))
          .isPositive();

      assertThat(alice.call("DELETE", "/" + id, null).statusCode()).isEqualTo(204);
      assertThat(alice.call("GET", "/" + id, null).statusCode()).isEqualTo(404);

      ItEnvironment.await(
          "the purge job to remove the capsule",
          Duration.ofSeconds(60),
          () -> rows(db, "select count(*) from " + t + "capsule where id = ?", id) == 0);
      assertThat(rows(db, "select count(*) from " + t + "capsule_version where capsule_id = ?", id))
          .isZero();
      assertThat(rows(db, "select count(*) from " + t + "content_item where capsule_id = ?", id))
          .isZero();
      assertThat(rows(db, "select count(*) from " + t + "chunk where capsule_id = ?", id)).isZero();
      assertThat(
              rows(
                  db, "select count(*) from " + t + "content_blob where content_item_id = ?", item))
          .isZero();
    }
  }

  private static int rows(Connection db, String sql, String uuid) {
    try (var query = db.prepareStatement(sql)) {
      query.setObject(1, UUID.fromString(uuid));
      try (var result = query.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
