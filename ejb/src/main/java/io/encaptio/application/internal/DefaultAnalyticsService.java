package io.encaptio.application.internal;

import io.encaptio.application.AnalyticsService;
import io.encaptio.application.NoSuchCapsuleException;
import io.encaptio.domain.ai.Outcome;
import io.encaptio.domain.analytics.AnalyticsEvent;
import io.encaptio.domain.analytics.AnalyticsRollups;
import io.encaptio.domain.analytics.AnalyticsRollups.DayCount;
import io.encaptio.domain.analytics.AnalyticsRollups.VisitorCounts;
import io.encaptio.domain.analytics.CapsuleHealth;
import io.encaptio.domain.capsule.CapsuleRepository;
import io.encaptio.domain.gap.QuestionClusterRepository;
import io.encaptio.domain.shared.InvalidInputException;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * One transaction in the current tenant's schema; reads the roll-ups, and the question clusters for
 * the top questions (by capsule and time, tenant migration V20).
 */
@Stateless
@Local(AnalyticsService.class)
public class DefaultAnalyticsService implements AnalyticsService {

  /** The outcomes of a question (not a greeting, small talk or out of scope). */
  private static final Set<String> QUESTIONS =
      Set.of(Outcome.ANSWERED.dbValue(), Outcome.HEDGED.dbValue(), Outcome.REFUSED.dbValue());

  @Inject CapsuleRepository capsules;
  @Inject AnalyticsRollups rollups;
  @Inject QuestionClusterRepository clusters;
  @Inject CapsuleHealth health;

  /** Reports whose visitor counts may run beside their other reads at the same time. */
  private static final Semaphore BESIDE = new Semaphore(4);

  @EJB AnalyticsReads reads;

  @Resource(lookup = "concurrent/encaptioExecutor")
  ManagedExecutorService executor;

  @Override
  public ReportDto report(UUID capsuleId, LocalDate from, LocalDate to, String zone) {
    Period period = period(capsuleId, from, to, zone, true);
    Map<LocalDate, List<DayCount>> byDay =
        period.counts().stream().collect(Collectors.groupingBy(DayCount::day));
    Map<LocalDate, Long> visitorsByDay = new HashMap<>();
    period.visitors().days().forEach(v -> visitorsByDay.put(v.day(), v.visitors()));
    List<DayDto> series = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      series.add(day(day, byDay.getOrDefault(day, List.of()), visitorsByDay.getOrDefault(day, 0L)));
    }
    Map<String, Long> channels = new LinkedHashMap<>();
    period.counts().stream()
        .filter(c -> !c.day().isBefore(from) && AnalyticsEvent.OPEN.equals(c.kind()))
        .forEach(
            c ->
                channels.merge(
                    c.detail().isEmpty() ? "unknown" : c.detail(), c.events(), Long::sum));
    long[] hours = period.hours();
    return new ReportDto(
        capsuleId,
        period.zone().getId(),
        countedUntil().map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null),
        series,
        period.comparison().totals(),
        period.comparison().previous(),
        channels,
        Arrays.stream(hours).boxed().toList(),
        clusters
            .mostAsked(
                period.scope(),
                from.atStartOfDay(period.zone()).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(period.zone()).toOffsetDateTime(),
                TOP_QUESTIONS)
            .stream()
            .map(a -> new TopQuestionDto(a.clusterId(), a.question(), a.asked(), a.unanswered()))
            .toList());
  }

  /**
   * How far the roll-ups count: up to the last roll-up's quarter, or up to now when no event was
   * recorded after it ran (a quiet tenant's roll-up runs only after the idle time).
   */
  private Optional<Instant> countedUntil() {
    return rollups
        .lastRollUp()
        .map(last -> rollups.eventsSince(last.at()) ? last.until() : Instant.now());
  }

  @Override
  public ComparisonDto compare(UUID capsuleId, LocalDate from, LocalDate to, String zone) {
    return period(capsuleId, from, to, zone, false).comparison();
  }

  /**
   * What a report and a comparison share, read once: the capsules counted, the counts per day of
   * the period and the one before, the period's distinct visitors.
   *
   * @param visitors the period's distinct visitors per day and in all
   * @param hours messages per hour of the day (a report's; null for a comparison)
   */
  private record Period(
      ZoneId zone,
      Set<UUID> scope,
      List<DayCount> counts,
      VisitorCounts visitors,
      long[] hours,
      ComparisonDto comparison) {}

  private Period period(
      UUID capsuleId, LocalDate from, LocalDate to, String zone, boolean withHours) {
    ZoneId zoneId = AnalyticsService.zone(zone);
    if (from == null || to == null) {
      throw new InvalidInputException("from", "Give the first and the last day (YYYY-MM-DD).");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "The last day comes before the first (" + from + ").");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_DAYS) {
      throw new InvalidInputException(
          "to", "A report covers at most " + MAX_DAYS + " days; this range has " + days + ".");
    }
    Set<UUID> scope;
    if (capsuleId != null) {
      capsules.find(capsuleId).orElseThrow(() -> new NoSuchCapsuleException(capsuleId));
      scope = Set.of(capsuleId);
    } else {
      scope = Set.copyOf(capsules.ids());
    }
    LocalDate before = from.minusDays(days);
    // the two visitor counts run beside the other reads, each in a transaction of its own, for
    // as many reports at once as BESIDE allows (each takes two more pooled connections); the
    // others count in line
    boolean beside = BESIDE.tryAcquire();
    CompletableFuture<VisitorCounts> visitors;
    CompletableFuture<Long> previous;
    if (beside) {
      TenantRef tenant = TenantContext.current();
      visitors = executor.supplyAsync(() -> reads.visitors(tenant, scope, from, to, zoneId));
      previous =
          executor.supplyAsync(
              () -> reads.visitorTotal(tenant, scope, before, from.minusDays(1), zoneId));
    } else {
      visitors = CompletableFuture.completedFuture(rollups.visitors(scope, from, to, zoneId));
      previous =
          CompletableFuture.completedFuture(
              rollups.visitorTotal(scope, before, from.minusDays(1), zoneId));
    }
    try {
      List<DayCount> counts = rollups.days(scope, before, to, zoneId);
      long[] hours =
          withHours ? rollups.hours(scope, AnalyticsEvent.MESSAGE, from, to, zoneId) : null;
      VisitorCounts current = joined(visitors);
      return new Period(
          zoneId,
          scope,
          counts,
          current,
          hours,
          new ComparisonDto(
              totals(from, to, counts, current.total()),
              totals(before, from.minusDays(1), counts, joined(previous))));
    } finally {
      if (beside) {
        // the permit goes back once both counts ended, whatever this report's fate
        CompletableFuture.allOf(visitors, previous).handle((done, failure) -> done).join();
        BESIDE.release();
      }
    }
  }

  /** A read's result, or what it threw (unwrapped from the executor's and the EJB's wrappers). */
  private static <T> T joined(CompletableFuture<T> read) {
    try {
      return read.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof EJBException wrapped && wrapped.getCause() != null) {
        cause = wrapped.getCause();
      }
      if (cause instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }

  private static DayDto day(LocalDate day, List<DayCount> counts, long visitors) {
    Figures f = Figures.of(counts);
    return new DayDto(
        day,
        f.conversations,
        f.messages,
        visitors,
        f.questions,
        f.answered,
        f.feedback,
        f.positive,
        f.leads,
        f.clicks);
  }

  private static TotalsDto totals(
      LocalDate from, LocalDate to, List<DayCount> counts, long visitors) {
    Figures f =
        Figures.of(
            counts.stream().filter(c -> !c.day().isBefore(from) && !c.day().isAfter(to)).toList());
    return new TotalsDto(
        from,
        to,
        f.conversations,
        f.messages,
        visitors,
        f.questions,
        f.answered,
        ratio(f.answered, f.questions),
        f.feedback,
        f.positive,
        ratio(f.positive, f.feedback),
        f.leads,
        f.clicks,
        ratio(f.clicks, f.conversations));
  }

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  /** The figures of some counts. */
  private static final class Figures {
    long conversations;
    long messages;
    long questions;
    long answered;
    long feedback;
    long positive;
    long leads;
    long clicks;

    static Figures of(List<DayCount> counts) {
      Figures f = new Figures();
      for (DayCount c : counts) {
        switch (c.kind()) {
          case AnalyticsEvent.OPEN -> f.conversations += c.events();
          case AnalyticsEvent.MESSAGE -> f.messages += c.events();
          case AnalyticsEvent.ANSWER -> {
            if (QUESTIONS.contains(c.detail())) {
              f.questions += c.events();
            }
            if (Outcome.ANSWERED.dbValue().equals(c.detail())) {
              f.answered += c.events();
            }
          }
          case AnalyticsEvent.FEEDBACK -> {
            f.feedback += c.events();
            if ("+1".equals(c.detail())) {
              f.positive += c.events();
            }
          }
          case AnalyticsEvent.LEAD -> f.leads += c.events();
          case AnalyticsEvent.BUTTON_CLICK -> f.clicks += c.events();
          default -> {}
        }
      }
      return f;
    }
  }

  @Override
  public List<AttentionDto> attention(int max) {
    return health.needingAttention(Instant.now(), Math.max(1, Math.min(max, 50))).stream()
        .map(
            a ->
                new AttentionDto(
                    a.capsuleId(), a.name(), a.failedItems(), a.staleSources(), a.risingGaps()))
        .toList();
  }
}
