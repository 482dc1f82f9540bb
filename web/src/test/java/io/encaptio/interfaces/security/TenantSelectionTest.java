package io.encaptio.interfaces.security;

import static io.encaptio.tenancy.application.TestTenantResolvers.active;
import static io.encaptio.tenancy.application.TestTenantResolvers.provisioning;
import static io.encaptio.tenancy.application.TestTenantResolvers.resolving;
import static io.encaptio.tenancy.application.TestTenantResolvers.suspended;
import static org.assertj.core.api.Assertions.assertThat;

import io.encaptio.interfaces.security.TenantSelection.MustChoose;
import io.encaptio.interfaces.security.TenantSelection.NoOrganization;
import io.encaptio.interfaces.security.TenantSelection.NotAMember;
import io.encaptio.interfaces.security.TenantSelection.Outcome;
import io.encaptio.interfaces.security.TenantSelection.Selected;
import io.encaptio.interfaces.security.TenantSelection.Unavailable;
import io.encaptio.interfaces.security.TenantSelection.Unknown;
import io.encaptio.tenancy.application.TenantResolver;
import io.encaptio.tenancy.domain.Tenant;
import io.encaptio.tenancy.domain.TenantStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantSelectionTest {

  private final Tenant acme = active("acme");
  private final Tenant globex = active("globex");
  private final TenantResolver resolver = resolving(acme, globex);

  @Test
  void theOnlyOrganizationOfTheTokenIsSelected() {
    Outcome outcome = TenantSelection.select(Set.of("acme"), null, resolver);

    assertThat(outcome).isInstanceOf(Selected.class);
    assertThat(((Selected) outcome).tenant().id()).isEqualTo(acme.id());
  }

  @Test
  void aTokenWithoutOrganizationSelectsNothing() {
    Outcome outcome = TenantSelection.select(Set.of(), null, resolver);

    assertThat(outcome).isEqualTo(new NoOrganization());
    assertThat(TenantSelection.explain(outcome, "switch organization"))
        .contains("names no organization");
  }

  @Test
  void severalOrganizationsWithoutAChoiceMustChoose() {
    Outcome outcome = TenantSelection.select(Set.of("acme", "globex"), " ", resolver);

    assertThat(outcome).isInstanceOf(MustChoose.class);
    assertThat(((MustChoose) outcome).organizations()).containsExactlyInAnyOrder("acme", "globex");
    assertThat(TenantSelection.explain(outcome, "header Encaptio-Organization"))
        .contains("acme", "globex", "header Encaptio-Organization");
  }

  @Test
  void theChosenOrganizationAmongSeveralIsSelected() {
    Outcome outcome = TenantSelection.select(Set.of("acme", "globex"), "globex", resolver);

    assertThat(outcome).isInstanceOf(Selected.class);
    assertThat(((Selected) outcome).tenant().id()).isEqualTo(globex.id());
  }

  @Test
  void aGlobexTokenCanNeverSelectAcme() {
    Outcome outcome = TenantSelection.select(Set.of("globex"), "acme", resolver);

    assertThat(outcome).isEqualTo(new NotAMember("acme"));
    assertThat(TenantSelection.explain(outcome, "switch organization"))
        .isEqualTo("You do not belong to organization 'acme'.");
  }

  @Test
  void anUnregisteredOrganizationIsUnknown() {
    Outcome outcome = TenantSelection.select(Set.of("initech"), null, resolver);

    assertThat(outcome).isEqualTo(new Unknown("initech"));
    assertThat(TenantSelection.explain(outcome, "switch organization"))
        .contains("'initech'", "not registered");
  }

  @Test
  void aSuspendedTenantIsUnavailable() {
    TenantResolver withSuspended = resolving(acme, suspended("umbrella"));

    Outcome outcome = TenantSelection.select(Set.of("umbrella"), null, withSuspended);

    assertThat(outcome).isInstanceOf(Unavailable.class);
    assertThat(((Unavailable) outcome).tenant().status()).isEqualTo(TenantStatus.SUSPENDED);
    assertThat(TenantSelection.explain(outcome, "switch organization"))
        .contains("'umbrella' is suspended: Unpaid invoices", "Nothing has been deleted");
  }

  @Test
  void aTenantStillProvisioningIsUnavailable() {
    Outcome outcome =
        TenantSelection.select(Set.of("hooli"), null, resolving(provisioning("hooli")));

    assertThat(outcome).isInstanceOf(Unavailable.class);
    assertThat(TenantSelection.explain(outcome, "switch organization"))
        .contains("'hooli' is provisioning");
  }
}
