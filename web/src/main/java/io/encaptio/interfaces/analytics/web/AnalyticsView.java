package io.encaptio.interfaces.analytics.web;

import io.encaptio.application.AnalyticsService;
import io.encaptio.application.AnalyticsService.ReportDto;
import io.encaptio.application.AnalyticsService.TotalsDto;
import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleSummary;
import io.encaptio.application.access.Permission;
import io.encaptio.interfaces.analytics.facade.AnalyticsCharts;
import io.encaptio.interfaces.analytics.facade.AnalyticsCsv;
import io.encaptio.interfaces.rest.EditorRequests;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.web.PageMessages;
import io.encaptio.interfaces.web.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Analytics page (analysts and above): one capsule's or the whole organization's visitors per
 * day of a chosen time zone, with the period before for comparison, as figures and charts, and the
 * daily figures as CSV. Reads the roll-ups through {@link AnalyticsService} only.
 */
@Named
@ViewScoped
public class AnalyticsView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Capsules offered in the choice (an organization's plan keeps it far below this). */
  private static final int CAPSULES = 500;

  @EJB transient AnalyticsService analytics;
  @EJB transient CapsuleService capsuleService;
  @Inject transient Access access;

  private String capsule;
  private LocalDate from;
  private LocalDate to;
  private String zone = "UTC";

  /** The days as the page's address gave them (from=, to=), read when the page loads. */
  private String fromParam;

  private String toParam;
  private List<CapsuleSummary> capsules = List.of();
  private ReportDto report;

  @PostConstruct
  void init() {
    to = LocalDate.now(ZoneId.of(zone));
    from = to.minusDays(AnalyticsService.DEFAULT_DAYS - 1);
  }

  /** The page's view action: analysts and above, then the report of the request's parameters. */
  public void load() throws IOException {
    if (!access.can(Permission.READ_CONVERSATIONS)) {
      Pages.refuse("Analysts, editors, admins and owners of the organization read its analytics.");
      return;
    }
    capsules = capsuleService.capsules(0, CAPSULES).capsules();
    try {
      if (toParam != null && !toParam.isBlank()) {
        to = AnalyticsService.day("to", toParam);
      }
      if (fromParam != null && !fromParam.isBlank()) {
        from = AnalyticsService.day("from", fromParam);
      }
    } catch (RuntimeException e) {
      PageMessages.failed("The analytics were not shown", e, "filter");
      return;
    }
    apply();
  }

  public String getFromParam() {
    return fromParam;
  }

  public void setFromParam(String fromParam) {
    this.fromParam = fromParam;
  }

  public String getToParam() {
    return toParam;
  }

  public void setToParam(String toParam) {
    this.toParam = toParam;
  }

  /**
   * Reads the report for the chosen capsule, days and zone; a choice that cannot be used says why.
   */
  public void apply() {
    try {
      report = analytics.report(EditorRequests.capsuleId(capsule), from, to, zone);
    } catch (RuntimeException e) {
      PageMessages.failed("The analytics were not shown", e, "filter");
    }
  }

  /** The daily figures as CSV, as a download. */
  public void csv() throws IOException {
    apply();
    if (report == null) {
      return;
    }
    Pages.download(
        "analytics.csv",
        "text/csv;charset=UTF-8",
        AnalyticsCsv.write(report).getBytes(StandardCharsets.UTF_8));
  }

  /** The time zones to choose from, by name. */
  public Set<String> getZones() {
    return new TreeSet<>(ZoneId.getAvailableZoneIds());
  }

  /** Change against the period before, in words: "+12 %", "−3 %", "new", or "" when both are 0. */
  public String change(long now, long before) {
    if (before == 0) {
      return now == 0 ? "" : "new";
    }
    long percent = Math.round(100.0 * (now - before) / before);
    return (percent >= 0 ? "+" : "−") + Math.abs(percent) + " %";
  }

  /** A share in per cent, or "–" when there is none. */
  public String percent(Double share) {
    return share == null ? "–" : Math.round(share * 1000) / 10.0 + " %";
  }

  /** A number per conversation with two decimals, or "–" when there is none. */
  public String perConversation(Double rate) {
    return rate == null ? "–" : String.format(java.util.Locale.ROOT, "%.2f", rate);
  }

  public String getActivityChart() {
    return report == null ? null : AnalyticsCharts.activity(report);
  }

  public String getAnswerRateChart() {
    return report == null ? null : AnalyticsCharts.answerRate(report);
  }

  public String getFeedbackChart() {
    return report == null ? null : AnalyticsCharts.feedback(report);
  }

  public String getConversionChart() {
    return report == null ? null : AnalyticsCharts.conversion(report);
  }

  public String getChannelChart() {
    return report == null ? null : AnalyticsCharts.channels(report);
  }

  public String getHoursChart() {
    return report == null ? null : AnalyticsCharts.hours(report);
  }

  public ReportDto getReport() {
    return report;
  }

  public TotalsDto getTotals() {
    return report == null ? null : report.totals();
  }

  public TotalsDto getPrevious() {
    return report == null ? null : report.previous();
  }

  public List<CapsuleSummary> getCapsules() {
    return capsules;
  }

  public String getCapsule() {
    return capsule;
  }

  public void setCapsule(String capsule) {
    this.capsule = capsule;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getZone() {
    return zone;
  }

  public void setZone(String zone) {
    this.zone = zone;
  }
}
