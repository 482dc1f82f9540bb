package io.encaptio.application;

import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import io.encaptio.domain.shared.InvalidInputException;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What visitors did, per day of a time zone, for one capsule or the whole organization, read from
 * the roll-ups the analytics-rollup job keeps (never the raw events): conversations, messages,
 * distinct visitors, questions and how many were answered, feedback, leads, button clicks, the
 * channels conversations came through and the busiest hours, with the same figures for the period
 * just before; and the questions asked most (the knowledge-gap clusters). Analysts and above.
 */
public interface AnalyticsService {

  /** The longest range one report covers. */
  int MAX_DAYS = 366;

  /** Days a report covers when the caller names no first day: the last 30 up to today. */
  int DEFAULT_DAYS = 30;

  /** Questions a report lists as asked most. */
  int TOP_QUESTIONS = 10;

  /**
   * One day's figures.
   *
   * @param questions messages answered, hedged or refused (greetings and small talk are not)
   * @param answered questions answered (not hedged, not refused)
   * @param positive feedback that was a thumbs-up
   */
  record DayDto(
      LocalDate day,
      long conversations,
      long messages,
      long visitors,
      long questions,
      long answered,
      long feedback,
      long positive,
      long leads,
      long clicks)
      implements Serializable {}

  /**
   * A period's figures.
   *
   * @param visitors distinct visitors over the whole period
   * @param answerRate answered over questions; null without questions
   * @param feedbackRatio thumbs-up over all feedback; null without feedback
   * @param clickRate button clicks per conversation; null without conversations
   */
  record TotalsDto(
      LocalDate from,
      LocalDate to,
      long conversations,
      long messages,
      long visitors,
      long questions,
      long answered,
      Double answerRate,
      long feedback,
      long positive,
      Double feedbackRatio,
      long leads,
      long clicks,
      Double clickRate)
      implements Serializable {}

  /** A period's totals and those of as many days just before it. */
  record ComparisonDto(TotalsDto totals, TotalsDto previous) implements Serializable {}

  /**
   * A question visitors asked often in the range: a cluster of questions by meaning.
   *
   * @param unanswered how many of them the content did not answer (refused or weakly answered)
   */
  record TopQuestionDto(UUID clusterId, String question, long asked, long unanswered)
      implements Serializable {}

  /**
   * @param capsuleId null: the whole organization (its capsules that are not deleted)
   * @param rolledUntil events up to this are counted: the last roll-up's time, or now when no event
   *     came after it (a quiet tenant's roll-up runs only daily, a busy one's within a minute of
   *     its events); null before the first roll-up
   * @param previous the same number of days just before {@code from}
   * @param channels conversations by channel (widget, share, api)
   * @param hours messages by hour of the day (0–23) in the zone
   * @param topQuestions the questions asked most in the range (at most {@link #TOP_QUESTIONS})
   */
  record ReportDto(
      UUID capsuleId,
      String zone,
      OffsetDateTime rolledUntil,
      List<DayDto> days,
      TotalsDto totals,
      TotalsDto previous,
      Map<String, Long> channels,
      List<Long> hours,
      List<TopQuestionDto> topQuestions)
      implements Serializable {}

  /**
   * The time zone a report is asked in: an IANA name, UTC when blank.
   *
   * @throws InvalidInputException for a name that is no time zone, saying what to send
   */
  static ZoneId zone(String zone) {
    if (zone == null || zone.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw new InvalidInputException(
          "zone",
          "Unknown time zone \"" + zone.strip() + "\"; give an IANA name such as Europe/Berlin.");
    }
  }

  /**
   * A day as requests write it (2026-12-06).
   *
   * @param field the request's name for it (from, to), said in the refusal
   * @throws InvalidInputException for text that is no day, saying how to write one
   */
  static LocalDate day(String field, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException(
          field, "'" + text.strip() + "' is not a day; write it as 2026-12-06.");
    }
  }

  /**
   * @param capsuleId null for the whole organization
   * @param from first day, in {@code zone}
   * @param to last day (inclusive), at most {@link #MAX_DAYS} after {@code from}
   * @param zone an IANA time zone ("Europe/Berlin"); null or blank: UTC
   * @throws NoSuchCapsuleException for a capsule the organization does not have
   * @throws io.encaptio.domain.shared.InvalidInputException for a range or zone that cannot be
   *     used, saying which
   */
  @Requires(Permission.READ_CONVERSATIONS)
  ReportDto report(UUID capsuleId, LocalDate from, LocalDate to, String zone);

  /**
   * The totals of {@link #report} alone, for the period and the one before (what a dashboard shows,
   * without the days, channels, hours and questions).
   */
  @Requires(Permission.READ_CONVERSATIONS)
  ComparisonDto compare(UUID capsuleId, LocalDate from, LocalDate to, String zone);

  /**
   * A capsule that needs someone now.
   *
   * @param failedItems items that could not be indexed
   * @param staleSources URL sources whose last syncs failed in a row
   * @param risingGaps open unanswered question clusters asked more in the last 7 days than in the 7
   *     before
   */
  record AttentionDto(
      UUID capsuleId, String name, long failedItems, long staleSources, long risingGaps)
      implements Serializable {}

  /** The capsules needing attention, those with the most to see to first. */
  @Requires(Permission.READ_CONVERSATIONS)
  List<AttentionDto> attention(int max);
}
