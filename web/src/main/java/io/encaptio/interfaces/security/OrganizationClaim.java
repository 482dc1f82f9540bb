package io.encaptio.interfaces.security;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads Keycloak's {@code organization} claim. Keycloak writes it as a list of aliases, or as an
 * object keyed by alias when the mapper adds organization ids or attributes; token libraries hand
 * it over as JSON values, Java collections or a JSON string. All become a sorted set of aliases.
 */
public final class OrganizationClaim {

  public static final String NAME = "organization";

  private OrganizationClaim() {}

  public static Set<String> aliases(Object claim) {
    Set<String> aliases = new TreeSet<>();
    collect(claim, aliases);
    return aliases;
  }

  private static void collect(Object claim, Set<String> into) {
    if (claim == null) {
      return;
    }
    if (claim instanceof JsonString s) {
      collect(s.getString(), into);
    } else if (claim instanceof JsonArray array) {
      array.forEach(v -> collect(v, into));
    } else if (claim instanceof JsonObject object) {
      into.addAll(object.keySet());
    } else if (claim instanceof Map<?, ?> map) {
      map.keySet().forEach(k -> into.add(String.valueOf(k)));
    } else if (claim instanceof Collection<?> values) {
      values.forEach(v -> collect(v, into));
    } else if (claim instanceof JsonValue value) {
      collect(value.toString(), into);
    } else {
      collectText(claim.toString().strip(), into);
    }
  }

  private static void collectText(String text, Set<String> into) {
    if (text.startsWith("[") || text.startsWith("{")) {
      try (var reader = Json.createReader(new StringReader(text))) {
        JsonStructure parsed = reader.read();
        collect(parsed, into);
      }
    } else if (!text.isEmpty()) {
      into.add(text);
    }
  }
}
