package io.encaptio.interfaces.portal.web;

import io.encaptio.application.AnalyticsService;
import io.encaptio.application.AnalyticsService.AttentionDto;
import io.encaptio.application.AnalyticsService.ComparisonDto;
import io.encaptio.application.AnalyticsService.TotalsDto;
import io.encaptio.interfaces.security.Access;
import io.encaptio.interfaces.security.CallerIdentity;
import io.encaptio.interfaces.security.CurrentCaller;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.context.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The portal's landing page: who is signed in, for which organization, with what role; for analysts
 * and above the organization's last 7 days against the 7 before and the capsules needing attention.
 */
@Named
@ViewScoped
public class DashboardView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentCaller caller;
  @Inject transient Access access;
  @EJB transient AnalyticsService analytics;

  private CallerIdentity user;
  private TenantRef tenant;
  private TotalsDto lastWeek;
  private TotalsDto weekBefore;
  private List<AttentionDto> attention = List.of();

  @PostConstruct
  void init() {
    user = caller.identity();
    tenant = TenantContext.find().orElse(null);
    if (tenant != null && access.isAnalyst()) {
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      ComparisonDto week = analytics.compare(null, today.minusDays(6), today, "UTC");
      lastWeek = week.totals();
      weekBefore = week.previous();
      attention = analytics.attention(10);
    }
  }

  /** The organization's last 7 days (UTC), for analysts and above; null for the others. */
  public TotalsDto getLastWeek() {
    return lastWeek;
  }

  /** The 7 days before those. */
  public TotalsDto getWeekBefore() {
    return weekBefore;
  }

  /** Capsules with failed items, stale sources or rising unanswered questions (analysts and up). */
  public List<AttentionDto> getAttention() {
    return attention;
  }

  public CallerIdentity getUser() {
    return user;
  }

  public TenantRef getTenant() {
    return tenant;
  }

  /**
   * What the person may do here, in words: the product's roles only, never the identity provider's
   * internal ones (offline_access, uma_authorization, default-roles-…).
   */
  public String getRole() {
    return access.getRoleDescription();
  }
}
