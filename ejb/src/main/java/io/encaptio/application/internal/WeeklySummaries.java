package io.encaptio.application.internal;

import io.encaptio.application.AnalyticsService;
import io.encaptio.application.AnalyticsService.ComparisonDto;
import io.encaptio.application.AnalyticsService.TotalsDto;
import io.encaptio.domain.analytics.AnalyticsRollups;
import io.encaptio.domain.notification.NotificationKind;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The organization's weekly summary, raised once a week (on {@code
 * encaptio.notifications.weekly.day} from {@code .hour} UTC, within the day after) by the analytics
 * roll-up job that runs for every tenant anyway: the last 7 days' conversations, visitors, answered
 * questions and leads from the roll-ups, each with the 7 days before. An organization whose
 * visitors did nothing in those two weeks is not told so.
 */
@Stateless
@LocalBean
public class WeeklySummaries {

  @EJB AnalyticsService analytics;
  @Inject Notifier notifier;
  @Inject AnalyticsRollups rollups;

  @Inject
  @ConfigProperty(name = "encaptio.notifications.weekly.day", defaultValue = "MONDAY")
  String day;

  @Inject
  @ConfigProperty(name = "encaptio.notifications.weekly.hour", defaultValue = "8")
  int hour;

  /**
   * The time this week's summaries became due, during the day after it (while a roll-up still
   * raises them); empty otherwise. Needs no tenant.
   */
  public Optional<Instant> summaryTime(Instant now) {
    return due(now, DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)), hour)
        .map(ZonedDateTime::toInstant);
  }

  /**
   * Raises this week's summary when it is due, was not raised yet and has something to say.
   *
   * @return whether it was raised now
   */
  public boolean raiseIfDue(Instant now) {
    Optional<ZonedDateTime> due =
        due(now, DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)), hour);
    if (due.isEmpty()) {
      return false;
    }
    String key = due.get().toLocalDate().toString();
    if (notifier.raised(NotificationKind.WEEKLY_SUMMARY, key)) {
      return false;
    }
    if (!rollups.eventsSince(due.get().minusDays(14).toInstant())) {
      return false; // nothing happened in two weeks (a new organization): nothing to tell
    }
    LocalDate to = due.get().toLocalDate().minusDays(1);
    ComparisonDto week = analytics.compare(null, to.minusDays(6), to, "UTC");
    TotalsDto now7 = week.totals();
    TotalsDto before = week.previous();
    if (now7.conversations() + before.conversations() + now7.leads() + before.leads() == 0) {
      return false; // nothing happened in two weeks (a new organization): nothing to tell
    }
    notifier.raise(
        NotificationKind.WEEKLY_SUMMARY,
        null,
        key,
        Map.of(
            "from", now7.from().toString(),
            "to", now7.to().toString(),
            "conversations", now7.conversations() + " (" + before.conversations() + ")",
            "visitors", now7.visitors() + " (" + before.visitors() + ")",
            "answered",
                now7.answered()
                    + "/"
                    + now7.questions()
                    + " ("
                    + before.answered()
                    + "/"
                    + before.questions()
                    + ")",
            "leads", now7.leads() + " (" + before.leads() + ")"));
    return true;
  }

  /**
   * This week's summary time when {@code now} is within the day after it; empty otherwise (a tenant
   * created mid-week gets its first summary the week after).
   */
  static Optional<ZonedDateTime> due(Instant now, DayOfWeek day, int hour) {
    ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
    ZonedDateTime at =
        utc.with(TemporalAdjusters.previousOrSame(day))
            .withHour(hour)
            .withMinute(0)
            .withSecond(0)
            .withNano(0);
    if (at.isAfter(utc)) {
      at = at.minusWeeks(1);
    }
    return Duration.between(at, utc).compareTo(Duration.ofDays(1)) < 0
        ? Optional.of(at)
        : Optional.empty();
  }
}
