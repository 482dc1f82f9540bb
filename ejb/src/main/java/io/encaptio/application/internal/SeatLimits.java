package io.encaptio.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seats per plan, from {@code encaptio.plan.seats} ({@code plan=seats,...}); a plan not listed has
 * no seat limit. Plans as data with their terms are not built yet; until then this setting is the
 * one place seats are decided.
 */
@ApplicationScoped
public class SeatLimits {

  @Inject
  @ConfigProperty(
      name = "encaptio.plan.seats",
      defaultValue = "free=3,starter=10,pro=50,business=250")
  String setting;

  private volatile Map<String, Integer> seats;

  /** The plan's seats, or null when it has no limit. */
  public Integer of(String plan) {
    Map<String, Integer> parsed = seats;
    if (parsed == null) {
      parsed = parse(setting);
      seats = parsed;
    }
    return plan == null ? null : parsed.get(plan.toLowerCase(Locale.ROOT));
  }

  static Map<String, Integer> parse(String setting) {
    Map<String, Integer> parsed = new HashMap<>();
    for (String pair : setting.split(",")) {
      String[] parts = pair.split("=", 2);
      if (parts.length == 2 && !parts[0].isBlank()) {
        parsed.put(parts[0].strip().toLowerCase(Locale.ROOT), Integer.parseInt(parts[1].strip()));
      }
    }
    return parsed;
  }
}
