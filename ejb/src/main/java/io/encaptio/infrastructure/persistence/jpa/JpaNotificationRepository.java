package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.notification.Channel;
import io.encaptio.domain.notification.Delivery;
import io.encaptio.domain.notification.Hook;
import io.encaptio.domain.notification.Notification;
import io.encaptio.domain.notification.NotificationKind;
import io.encaptio.domain.notification.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Notifications in native SQL (tenant migration V21); the facts are a JSON object of strings. */
@ApplicationScoped
public class JpaNotificationRepository implements NotificationRepository {

  private static final String DELIVERY_COLUMNS =
      "d.id, d.notification_id, d.kind, d.channel, d.recipient, d.status, d.attempts,"
          + " d.last_error, d.created_at, d.sent_at, d.read_at";

  private static final String ENTRY_COLUMNS =
      DELIVERY_COLUMNS + ", n.capsule_id, n.params, n.created_at";

  @Inject TenantEntityManager entityManager;

  @Override
  public boolean add(Notification notification, String dedupeKey) {
    return sql("INSERT INTO "
                + table("notification")
                + " (id, kind, capsule_id, dedupe_key, params, created_at)"
                + " VALUES (?1, ?2, CAST(?3 AS uuid), ?4, ?5, ?6) ON CONFLICT (dedupe_key) DO NOTHING")
            .setParameter(1, notification.id())
            .setParameter(2, notification.kind().key())
            .setParameter(3, notification.capsuleId())
            .setParameter(4, dedupeKey)
            .setParameter(5, json(notification.params()))
            .setParameter(6, notification.createdAt())
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<Notification> find(UUID id) {
    List<?> rows =
        sql("SELECT id, kind, capsule_id, params, created_at FROM "
                + table("notification")
                + " WHERE id = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            r ->
                new Notification(
                    (UUID) r[0],
                    kind(r[1]),
                    (UUID) r[2],
                    params((String) r[3]),
                    JpaConversationRepository.time(r[4])))
        .findFirst();
  }

  @Override
  public boolean raised(String dedupeKey) {
    return !sql("SELECT 1 FROM " + table("notification") + " WHERE dedupe_key = ?1")
        .setParameter(1, dedupeKey)
        .getResultList()
        .isEmpty();
  }

  @Override
  public boolean addDelivery(Delivery delivery) {
    return sql("INSERT INTO "
                + table("notification_delivery")
                + " (id, notification_id, kind, channel, recipient, status, created_at, sent_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS timestamptz))"
                + " ON CONFLICT (notification_id, channel, recipient) DO NOTHING")
            .setParameter(1, delivery.id())
            .setParameter(2, delivery.notificationId())
            .setParameter(3, delivery.kind().key())
            .setParameter(4, delivery.channel().key())
            .setParameter(5, delivery.recipient())
            .setParameter(6, delivery.status())
            .setParameter(7, delivery.createdAt())
            .setParameter(8, delivery.sentAt())
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<Delivery> delivery(UUID id) {
    return deliveries(
            sql("SELECT "
                    + DELIVERY_COLUMNS
                    + " FROM "
                    + table("notification_delivery")
                    + " d WHERE d.id = ?1")
                .setParameter(1, id))
        .stream()
        .findFirst();
  }

  @Override
  public void lockMailbox(String recipient, NotificationKind kind) {
    sql("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
        .setParameter(1, table("notification_delivery") + ":" + recipient + ":" + kind.key())
        .getSingleResult();
  }

  @Override
  public List<Entry> pendingMails(String recipient, NotificationKind kind) {
    return entries(
        sql(entrySelect()
                + " WHERE d.channel = 'email' AND d.recipient = ?1 AND d.kind = ?2"
                + " AND d.status = 'pending' ORDER BY d.created_at, d.id")
            .setParameter(1, recipient)
            .setParameter(2, kind.key()));
  }

  @Override
  public Optional<OffsetDateTime> lastMailed(String recipient, NotificationKind kind) {
    Object last =
        sql("SELECT max(sent_at) FROM "
                + table("notification_delivery")
                + " WHERE channel = 'email' AND recipient = ?1 AND kind = ?2")
            .setParameter(1, recipient)
            .setParameter(2, kind.key())
            .getSingleResult();
    return Optional.ofNullable(last).map(JpaConversationRepository::time);
  }

  @Override
  public void sent(UUID deliveryId, OffsetDateTime at) {
    sql("UPDATE "
            + table("notification_delivery")
            + " SET status = 'sent', sent_at = ?2, attempts = attempts + 1, last_error = NULL"
            + " WHERE id = ?1")
        .setParameter(1, deliveryId)
        .setParameter(2, at)
        .executeUpdate();
  }

  @Override
  public void skipped(UUID deliveryId, String why) {
    sql("UPDATE "
            + table("notification_delivery")
            + " SET status = 'skipped', last_error = left(?2, 1000)"
            + " WHERE id = ?1 AND status = 'pending'")
        .setParameter(1, deliveryId)
        .setParameter(2, why)
        .executeUpdate();
  }

  @Override
  public void attemptFailed(UUID deliveryId, String error, boolean last) {
    sql("UPDATE "
            + table("notification_delivery")
            + " SET attempts = attempts + 1, last_error = left(?2, 1000),"
            + " status = CASE WHEN ?3 THEN 'failed' ELSE status END WHERE id = ?1")
        .setParameter(1, deliveryId)
        .setParameter(2, error)
        .setParameter(3, last)
        .executeUpdate();
  }

  @Override
  public List<Entry> inbox(String subject, Set<NotificationKind> kinds, int max) {
    return entries(
        sql(entrySelect()
                + " WHERE d.channel = 'in_app' AND d.recipient = ?1"
                + " AND d.kind = ANY (CAST(?2 AS varchar[]))"
                + " ORDER BY d.created_at DESC, d.id")
            .setParameter(1, subject)
            .setParameter(2, keys(kinds))
            .setMaxResults(max));
  }

  @Override
  public int unread(String subject, Set<NotificationKind> kinds) {
    return ((Number)
            sql("SELECT count(*) FROM "
                    + table("notification_delivery")
                    + " WHERE channel = 'in_app' AND recipient = ?1 AND read_at IS NULL"
                    + " AND kind = ANY (CAST(?2 AS varchar[]))")
                .setParameter(1, subject)
                .setParameter(2, keys(kinds))
                .getSingleResult())
        .intValue();
  }

  /** A {@code varchar[]} literal of the kinds' keys (which hold no quotes or commas). */
  private static String keys(Set<NotificationKind> kinds) {
    return kinds.stream().map(NotificationKind::key).collect(Collectors.joining(",", "{", "}"));
  }

  @Override
  public boolean markRead(String subject, UUID deliveryId, OffsetDateTime at) {
    return sql("UPDATE "
                + table("notification_delivery")
                + " SET read_at = coalesce(read_at, ?3)"
                + " WHERE id = ?2 AND channel = 'in_app' AND recipient = ?1")
            .setParameter(1, subject)
            .setParameter(2, deliveryId)
            .setParameter(3, at)
            .executeUpdate()
        == 1;
  }

  @Override
  public int markAllRead(String subject, OffsetDateTime at) {
    return sql("UPDATE "
            + table("notification_delivery")
            + " SET read_at = ?2 WHERE channel = 'in_app' AND recipient = ?1 AND read_at IS NULL")
        .setParameter(1, subject)
        .setParameter(2, at)
        .executeUpdate();
  }

  @Override
  public Map<NotificationKind, Map<Channel, Boolean>> preferences(String owner) {
    return choices(
            sql("SELECT owner, kind, channel, enabled FROM "
                    + table("notification_preference")
                    + " WHERE owner = ?1")
                .setParameter(1, owner))
        .getOrDefault(owner, new EnumMap<>(NotificationKind.class));
  }

  @Override
  public Map<String, Map<NotificationKind, Map<Channel, Boolean>>> allPreferences() {
    return choices(
        sql("SELECT owner, kind, channel, enabled FROM " + table("notification_preference")));
  }

  /**
   * Rows of (owner, kind, channel, enabled) by owner; kinds and channels no longer known left out.
   */
  private static Map<String, Map<NotificationKind, Map<Channel, Boolean>>> choices(Query query) {
    Map<String, Map<NotificationKind, Map<Channel, Boolean>>> byOwner = new HashMap<>();
    for (Object[] r : rows(query)) {
      Optional<NotificationKind> kind = NotificationKind.of((String) r[1]);
      Optional<Channel> channel = Channel.of((String) r[2]);
      if (kind.isPresent() && channel.isPresent()) {
        byOwner
            .computeIfAbsent((String) r[0], o -> new EnumMap<>(NotificationKind.class))
            .computeIfAbsent(kind.get(), k -> new EnumMap<>(Channel.class))
            .put(channel.get(), (Boolean) r[3]);
      }
    }
    return byOwner;
  }

  @Override
  public void replacePreferences(
      String owner, Map<NotificationKind, Map<Channel, Boolean>> choices) {
    sql("DELETE FROM " + table("notification_preference") + " WHERE owner = ?1")
        .setParameter(1, owner)
        .executeUpdate();
    choices.forEach(
        (kind, channels) ->
            channels.forEach(
                (channel, enabled) ->
                    sql("INSERT INTO "
                            + table("notification_preference")
                            + " (owner, kind, channel, enabled) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, owner)
                        .setParameter(2, kind.key())
                        .setParameter(3, channel.key())
                        .setParameter(4, enabled)
                        .executeUpdate()));
  }

  @Override
  public Optional<String> language(String owner) {
    return sql("SELECT language FROM " + table("notification_language") + " WHERE owner = ?1")
        .setParameter(1, owner)
        .getResultList()
        .stream()
        .map(String.class::cast)
        .findFirst();
  }

  @Override
  public void setLanguage(String owner, String language) {
    sql("INSERT INTO "
            + table("notification_language")
            + " (owner, language) VALUES (?1, ?2)"
            + " ON CONFLICT (owner) DO UPDATE SET language = EXCLUDED.language")
        .setParameter(1, owner)
        .setParameter(2, language)
        .executeUpdate();
  }

  @Override
  public List<Hook> hooks() {
    return hookRows(sql(hookSelect() + " ORDER BY created_at, id"));
  }

  @Override
  public Optional<Hook> hook(UUID id) {
    return hookRows(sql(hookSelect() + " WHERE id = ?1").setParameter(1, id)).stream().findFirst();
  }

  @Override
  public void addHook(Hook hook) {
    sql("INSERT INTO "
            + table("notification_hook")
            + " (id, channel, name, sealed_url, url_hint, kinds, language, created_by, created_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, hook.id())
        .setParameter(2, hook.channel().key())
        .setParameter(3, hook.name())
        .setParameter(4, hook.sealedUrl())
        .setParameter(5, hook.urlHint())
        .setParameter(
            6, hook.kinds().stream().map(NotificationKind::key).collect(Collectors.joining(",")))
        .setParameter(7, hook.language())
        .setParameter(8, hook.createdBy())
        .setParameter(9, hook.createdAt())
        .executeUpdate();
  }

  @Override
  public boolean removeHook(UUID id) {
    return sql("DELETE FROM " + table("notification_hook") + " WHERE id = ?1")
            .setParameter(1, id)
            .executeUpdate()
        == 1;
  }

  @Override
  public List<Entry> log(int max) {
    return entries(
        sql(entrySelect() + " WHERE d.channel <> 'in_app' ORDER BY d.created_at DESC, d.id")
            .setMaxResults(max));
  }

  private String entrySelect() {
    return "SELECT "
        + ENTRY_COLUMNS
        + " FROM "
        + table("notification_delivery")
        + " d JOIN "
        + table("notification")
        + " n ON n.id = d.notification_id";
  }

  private String hookSelect() {
    return "SELECT id, channel, name, sealed_url, url_hint, kinds, language, created_by,"
        + " created_at FROM "
        + table("notification_hook");
  }

  private static List<Delivery> deliveries(Query query) {
    return rows(query).stream().map(JpaNotificationRepository::delivery).toList();
  }

  private static List<Entry> entries(Query query) {
    return rows(query).stream()
        .map(
            r -> {
              Delivery delivery = delivery(r);
              return new Entry(
                  delivery,
                  new Notification(
                      delivery.notificationId(),
                      delivery.kind(),
                      (UUID) r[11],
                      params((String) r[12]),
                      JpaConversationRepository.time(r[13])));
            })
        .toList();
  }

  private static Delivery delivery(Object[] r) {
    return new Delivery(
        (UUID) r[0],
        (UUID) r[1],
        kind(r[2]),
        Channel.of((String) r[3]).orElseThrow(),
        (String) r[4],
        (String) r[5],
        ((Number) r[6]).intValue(),
        (String) r[7],
        JpaConversationRepository.time(r[8]),
        r[9] == null ? null : JpaConversationRepository.time(r[9]),
        r[10] == null ? null : JpaConversationRepository.time(r[10]));
  }

  private static List<Hook> hookRows(Query query) {
    return rows(query).stream()
        .map(
            r ->
                new Hook(
                    (UUID) r[0],
                    Channel.of((String) r[1]).orElseThrow(),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    kinds((String) r[5]),
                    (String) r[6],
                    (String) r[7],
                    JpaConversationRepository.time(r[8])))
        .toList();
  }

  private static Set<NotificationKind> kinds(String list) {
    return Arrays.stream(list.split(","))
        .map(NotificationKind::of)
        .flatMap(Optional::stream)
        .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(NotificationKind.class)));
  }

  private static NotificationKind kind(Object key) {
    return NotificationKind.of((String) key)
        .orElseThrow(() -> new IllegalStateException("Unknown notification kind " + key));
  }

  private static String json(Map<String, String> params) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    params.forEach((k, v) -> object.add(k, v == null ? "" : v));
    return object.build().toString();
  }

  private static Map<String, String> params(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      Map<String, String> params = new LinkedHashMap<>();
      object.forEach(
          (k, v) -> params.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
      return params;
    }
  }

  /** A native query's rows of several columns. */
  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(Query query) {
    return (List<Object[]>) query.getResultList();
  }

  private Query sql(String statement) {
    return entityManager.current().createNativeQuery(statement);
  }

  private String table(String name) {
    return entityManager.table(name);
  }
}
