package it.encaptio.analytics;

import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Visitor events written straight into acme's schema for a capsule of the test's own (random kinds,
 * details, conversations and times), and the wait for the analytics roll-up that counts them.
 */
public final class AnalyticsSeed {

  static final List<String> OUTCOMES =
      List.of("answered", "hedged", "refused", "greeting", "small-talk", "out-of-scope");
  static final List<String> CHANNELS = List.of("widget", "share", "api");

  final String capsule;
  private final UUID capsuleId;

  private AnalyticsSeed(String capsule) {
    this.capsule = capsule;
    this.capsuleId = UUID.fromString(capsule);
  }

  /** Events of acme's capsule {@code capsule}. */
  public static AnalyticsSeed of(String capsule) {
    return new AnalyticsSeed(capsule);
  }

  /** A new capsule of acme's, made by {@code editor}. */
  static AnalyticsSeed newCapsule(CapsuleApi editor) {
    return new AnalyticsSeed(
        editor
            .expect(201, "POST", "", "{\"name\": \"Analytics " + UUID.randomUUID() + "\"}")
            .get("id")
            .asText());
  }

  /**
   * Waits for a roll-up of acme that began after {@code after} (so it saw what was written before);
   * answers how far it counted.
   */
  static Instant awaitRollUpAfter(Instant after) {
    Instant[] until = new Instant[1];
    ItEnvironment.await(
        "an analytics roll-up after " + after,
        // the test command rolls every tenant up every 10 s (a server's default: a minute after
        // new events, an hour for a tenant without any; events written by SQL are not noticed)
        Duration.ofSeconds(150),
        () -> {
          try (Connection db = ItEnvironment.database();
              PreparedStatement query =
                  db.prepareStatement(
                      "select rolled_until, rolled_at from "
                          + ItEnvironment.tenantSchema(db, "acme")
                          + ".analytics_rollup");
              ResultSet rows = query.executeQuery()) {
            if (!rows.next() || !rows.getTimestamp(2).toInstant().isAfter(after)) {
              return false;
            }
            until[0] = rows.getTimestamp(1).toInstant();
            return true;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    return until[0];
  }

  /**
   * Has acme's analytics rolled up again from its first event, as after a rebuild, until the
   * capsule's events of the UTC day {@code day} are counted: events written now but stamped days
   * ago are older than the roll-up's look-back. The roll-up's mark is removed at every look until
   * then, so a roll-up that was under way when it was first removed cannot leave the day out.
   */
  public void rollUpAgainUntilCounted(LocalDate day) {
    ItEnvironment.await(
        "acme's analytics rolled up again, counting " + day,
        // the test command rolls every tenant up every 10 s (a server's default: a minute after
        // new events, an hour for a tenant without any; events written by SQL are not noticed)
        Duration.ofSeconds(150),
        () -> {
          try (Connection db = ItEnvironment.database()) {
            String schema = ItEnvironment.tenantSchema(db, "acme");
            try (PreparedStatement counted =
                db.prepareStatement(
                    "select 1 from "
                        + schema
                        + ".analytics_day where capsule_id = ? and day = ?")) {
              counted.setObject(1, capsuleId);
              counted.setObject(2, day);
              try (ResultSet rows = counted.executeQuery()) {
                if (rows.next()) {
                  return true;
                }
              }
            }
            try (PreparedStatement again =
                db.prepareStatement("delete from " + schema + ".analytics_rollup")) {
              again.executeUpdate();
            }
            return false;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Visitors' conversations with random events stamped between {@code from} and {@code to}. */
  public void write(
      Connection db,
      String schema,
      Random random,
      List<String> visitors,
      int events,
      Instant from,
      Instant to)
      throws Exception {
    long span = Duration.between(from, to).toMillis();
    List<UUID> conversations = new ArrayList<>();
    try (PreparedStatement conversation =
        db.prepareStatement(
            "insert into "
                + schema
                + ".conversation (id, capsule_id, channel, started_by, started_at, last_at,"
                + " visitor_id) values (?, ?, ?, 'visitor', ?, ?, ?)")) {
      for (int i = 0; i < 20; i++) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at =
            from.plusMillis((long) (random.nextDouble() * span)).atOffset(ZoneOffset.UTC);
        conversation.setObject(1, id);
        conversation.setObject(2, capsuleId);
        conversation.setString(3, CHANNELS.get(random.nextInt(CHANNELS.size())));
        conversation.setObject(4, at);
        conversation.setObject(5, at);
        conversation.setString(6, visitors.get(random.nextInt(visitors.size())));
        conversation.addBatch();
        conversations.add(id);
      }
      conversation.executeBatch();
    }
    try (PreparedStatement event =
        db.prepareStatement(
            "insert into "
                + schema
                + ".analytics_event (id, capsule_id, kind, conversation_id, detail, created_at)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < events; i++) {
        String kind =
            List.of("open", "message", "answer", "feedback", "lead", "button-click", "unanswered")
                .get(random.nextInt(7));
        String detail =
            switch (kind) {
              case "open" -> CHANNELS.get(random.nextInt(CHANNELS.size()));
              case "message" -> "question";
              case "answer" -> OUTCOMES.get(random.nextInt(OUTCOMES.size()));
              case "feedback" -> random.nextBoolean() ? "+1" : "-1";
              case "button-click" -> "Book a visit";
              case "unanswered" -> "Is there a pool? " + UUID.randomUUID();
              default -> null;
            };
        event.setObject(1, UUID.randomUUID());
        event.setObject(2, capsuleId);
        event.setString(3, kind);
        event.setObject(4, conversations.get(random.nextInt(conversations.size())));
        event.setString(5, detail);
        event.setObject(
            6, from.plusMillis((long) (random.nextDouble() * span)).atOffset(ZoneOffset.UTC));
        event.addBatch();
      }
      event.executeBatch();
    }
  }

  /**
   * A question cluster of the capsule with {@code asked} questions at {@code at} ({@code
   * unanswered} of them not answered), each a visitor message of a conversation of its own.
   */
  UUID cluster(
      Connection db, String schema, String question, int asked, int unanswered, OffsetDateTime at)
      throws Exception {
    UUID cluster = UUID.randomUUID();
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into "
                + schema
                + ".question_cluster (id, capsule_id, model, vector_sum, answer_type, size, label,"
                + " first_at, last_at) values (?, ?, 'all-minilm-l6-v2', cast(? as public.vector),"
                + " 'OTHER', ?, ?, ?, ?)")) {
      insert.setObject(1, cluster);
      insert.setObject(2, capsuleId);
      insert.setString(3, "[" + "0.05,".repeat(383) + "0.05]");
      insert.setInt(4, asked);
      insert.setString(5, question);
      insert.setObject(6, at);
      insert.setObject(7, at);
      insert.executeUpdate();
    }
    members(db, schema, cluster, question, asked, unanswered, at);
    return cluster;
  }

  /** Questions asked in a cluster at {@code at}, each a visitor message of its own conversation. */
  void members(
      Connection db,
      String schema,
      UUID cluster,
      String question,
      int asked,
      int unanswered,
      OffsetDateTime at)
      throws Exception {
    for (int i = 0; i < asked; i++) {
      UUID conversation = UUID.randomUUID();
      UUID message = UUID.randomUUID();
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into "
                  + schema
                  + ".conversation (id, capsule_id, channel, started_by, started_at, last_at,"
                  + " visitor_id) values (?, ?, 'widget', 'visitor', ?, ?, ?)")) {
        insert.setObject(1, conversation);
        insert.setObject(2, capsuleId);
        insert.setObject(3, at);
        insert.setObject(4, at);
        insert.setString(5, "visitor-" + UUID.randomUUID());
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into "
                  + schema
                  + ".message (id, conversation_id, ordinal, role, text, created_at)"
                  + " values (?, ?, 0, 'visitor', ?, ?)")) {
        insert.setObject(1, message);
        insert.setObject(2, conversation);
        insert.setString(3, question);
        insert.setObject(4, at);
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into "
                  + schema
                  + ".question_cluster_member (message_id, answer_id, cluster_id, capsule_id,"
                  + " question, question_key, answered, asked_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setObject(1, message);
        insert.setObject(2, UUID.randomUUID());
        insert.setObject(3, cluster);
        insert.setObject(4, capsuleId);
        insert.setString(5, question);
        insert.setString(6, question.toLowerCase(java.util.Locale.ROOT));
        insert.setBoolean(7, i >= unanswered);
        insert.setObject(8, at);
        insert.executeUpdate();
      }
    }
  }
}
