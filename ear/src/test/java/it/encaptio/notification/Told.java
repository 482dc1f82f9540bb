package it.encaptio.notification;

import com.fasterxml.jackson.databind.JsonNode;
import it.encaptio.ItEnvironment;
import it.encaptio.capsule.CapsuleApi;
import java.time.Duration;

/** Waits until a person was told something about a capsule in their notification centre. */
public final class Told {

  private Told() {}

  /** Waits up to a minute for a notification of the kind about the capsule whose text says so. */
  public static void await(CapsuleApi person, String kind, String capsule, String textContains) {
    ItEnvironment.await(
        kind + " about " + capsule + " saying \"" + textContains + "\"",
        Duration.ofSeconds(60),
        () -> {
          for (JsonNode n :
              person
                  .expectAt(200, "GET", "/api/v1/notifications?max=100", null)
                  .get("notifications")) {
            if (n.get("kind").asText().equals(kind)
                && n.get("capsuleId").asText().equals(capsule)
                && n.get("text").asText().contains(textContains)) {
              return true;
            }
          }
          return false;
        });
  }
}
