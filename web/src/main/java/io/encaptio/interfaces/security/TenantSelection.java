package io.encaptio.interfaces.security;

import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.application.TenantResolver;
import io.encaptio.tenancy.domain.TenantStatus;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the tenant of a request from the organizations in the caller's verified token and, when
 * there are several, the one the caller chose. The choice is only ever one of the token's own
 * organizations, so a caller can never pick a tenant they do not belong to.
 */
public final class TenantSelection {

  /** What the request may do next. */
  public sealed interface Outcome {}

  public record Selected(TenantRef tenant) implements Outcome {}

  public record NoOrganization() implements Outcome {}

  public record MustChoose(Set<String> organizations) implements Outcome {}

  public record NotAMember(String organization) implements Outcome {}

  public record Unknown(String organization) implements Outcome {}

  public record Unavailable(TenantRef tenant) implements Outcome {}

  private TenantSelection() {}

  public static Outcome select(
      Set<String> tokenOrganizations, String chosen, TenantResolver resolver) {
    String organization;
    if (chosen != null && !chosen.isBlank()) {
      if (!tokenOrganizations.contains(chosen)) {
        return new NotAMember(chosen);
      }
      organization = chosen;
    } else if (tokenOrganizations.isEmpty()) {
      return new NoOrganization();
    } else if (tokenOrganizations.size() > 1) {
      return new MustChoose(tokenOrganizations);
    } else {
      organization = tokenOrganizations.iterator().next();
    }
    Optional<TenantRef> tenant = resolver.byOrganizationAlias(organization);
    if (tenant.isEmpty()) {
      return new Unknown(organization);
    }
    return tenant.get().isActive() ? new Selected(tenant.get()) : new Unavailable(tenant.get());
  }

  /** A sentence for the caller saying why the request has no tenant and what to do. */
  public static String explain(Outcome outcome, String choiceHint) {
    if (outcome instanceof NoOrganization) {
      return "Your sign-in names no organization; ask your administrator to add you to one,"
          + " or request the token with the 'organization' scope.";
    } else if (outcome instanceof MustChoose choose) {
      return "You belong to organizations "
          + choose.organizations()
          + "; choose one ("
          + choiceHint
          + ").";
    } else if (outcome instanceof NotAMember notAMember) {
      return "You do not belong to organization '" + notAMember.organization() + "'.";
    } else if (outcome instanceof Unknown unknown) {
      return "Organization '"
          + unknown.organization()
          + "' is not registered with Encaptio yet; try again in a minute or contact support.";
    } else if (outcome instanceof Unavailable unavailable) {
      TenantRef tenant = unavailable.tenant();
      if (tenant.status() == TenantStatus.SUSPENDED) {
        String reason = tenant.suspensionReason() == null ? "" : ": " + tenant.suspensionReason();
        return "Organization '"
            + tenant.slug()
            + "' is suspended"
            + reason
            + ". Nothing has been deleted; contact your Encaptio administrator to resume it.";
      }
      return "Organization '"
          + tenant.slug()
          + "' is "
          + tenant.status().dbValue()
          + " and cannot be used right now; try again in a minute.";
    }
    return "Organization selected.";
  }
}
