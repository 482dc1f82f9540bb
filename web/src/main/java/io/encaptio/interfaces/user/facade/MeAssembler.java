package io.encaptio.interfaces.user.facade;

import io.encaptio.domain.user.Role;
import io.encaptio.interfaces.security.CallerIdentity;
import io.encaptio.tenancy.application.TenantRef;
import java.util.List;
import java.util.Locale;

public final class MeAssembler {

  private MeAssembler() {}

  public static MeDto toDto(CallerIdentity caller, TenantRef tenant, Role role) {
    return new MeDto(
        caller.username(),
        caller.displayName(),
        caller.email(),
        role.label(),
        new MeDto.TenantDto(
            tenant.slug(), tenant.displayName(), tenant.status().name().toLowerCase(Locale.ROOT)),
        List.copyOf(caller.organizations()));
  }
}
