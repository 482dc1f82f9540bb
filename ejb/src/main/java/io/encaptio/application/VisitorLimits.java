package io.encaptio.application;

import io.encaptio.application.RateLimiter.Decision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;

/**
 * How much visitors may ask, per minute and per plan: questions per visitor, per IP address and per
 * capsule, and public calls of any kind per IP address, counted by the {@link RateLimiter}. Each
 * number can be set with {@code encaptio.limits.<plan>.<limit>} (for example
 * ENCAPTIO_LIMITS_STARTER_VISITOR_MESSAGES); a plan not listed gets the starter limits.
 */
@ApplicationScoped
public class VisitorLimits {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** visitor-messages, ip-messages, capsule-messages, ip-requests (per minute). */
  private static final Map<String, int[]> PLANS =
      Map.of(
          "starter", new int[] {10, 30, 300, 300},
          "business", new int[] {20, 60, 1500, 600},
          "enterprise", new int[] {30, 120, 6000, 1200});

  private static final String[] NAMES = {
    "visitor-messages", "ip-messages", "capsule-messages", "ip-requests"
  };

  @Inject RateLimiter limiter;
  @Inject Config config;
  @Inject ProductMetrics metrics;

  /** Counts a question; refused when the visitor, its address or the capsule asked too much. */
  public void message(String plan, UUID capsuleId, String visitorId, String ip) {
    check("visitor|" + capsuleId + "|" + visitorId, plan, 0, "You have asked a lot in this minute");
    check("ip-message|" + capsuleId + "|" + ip, plan, 1, "Many questions came from your network");
    check("capsule|" + capsuleId, plan, 2, "This capsule is very busy");
  }

  /** Counts any public call of an address to a capsule. */
  public void request(String plan, UUID capsuleId, String ip) {
    check("ip-request|" + capsuleId + "|" + ip, plan, 3, "Too many calls from your network");
  }

  int limit(String plan, int which) {
    String known =
        plan != null && PLANS.containsKey(plan.toLowerCase(Locale.ROOT))
            ? plan.toLowerCase(Locale.ROOT)
            : "starter";
    return config
        .getOptionalValue("encaptio.limits." + known + "." + NAMES[which], Integer.class)
        .orElse(PLANS.get(known)[which]);
  }

  private void check(String key, String plan, int which, String what) {
    int limit = limit(plan, which);
    Decision decision = limiter.acquire(key, limit, MINUTE);
    if (!decision.allowed()) {
      metrics.refused(NAMES[which]);
      throw new RateLimitedException(
          what
              + " (at most "
              + limit
              + " a minute); try again in "
              + decision.retryAfterSeconds()
              + " seconds.",
          decision.retryAfterSeconds());
    }
  }
}
