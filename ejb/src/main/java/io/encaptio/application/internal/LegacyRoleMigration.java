package io.encaptio.application.internal;

import io.encaptio.domain.user.Role;
import io.encaptio.domain.user.UserProfile;
import io.encaptio.domain.user.UserProfileRepository;
import io.encaptio.tenancy.application.OrganizationDirectory;
import io.encaptio.tenancy.application.OrganizationMember;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.application.TenantRegistry;
import io.encaptio.tenancy.context.TenantContext;
import io.encaptio.tenancy.domain.TenantStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Moves the realm-wide roles of earlier versions ({@code owner}, {@code editor} in Keycloak, which
 * held in every organization of a person) into the organizations the person is a member of: each
 * holder gets the role in each of their organizations' schemas, nowhere else. Once every tenant
 * took them, the realm roles are taken away, so tokens no longer carry them. Runs at start-up and
 * with each directory synchronisation; with no holders left it is one Keycloak call.
 */
@Stateless
public class LegacyRoleMigration {

  private static final Logger LOG = Logger.getLogger(LegacyRoleMigration.class.getName());

  @Inject OrganizationDirectory directory;
  @Inject TenantRegistry registry;
  @Inject UserProfileRepository profiles;
  @Inject AuditTrail audit;
  @Resource SessionContext context;

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void migrate(List<TenantRef> tenants) {
    Map<String, String> holders = directory.legacyRoleHolders();
    if (holders.isEmpty()) {
      return;
    }
    LegacyRoleMigration self = context.getBusinessObject(LegacyRoleMigration.class);
    boolean everyTenant = true;
    for (TenantRef tenant : tenants) {
      if (tenant.status() != TenantStatus.ACTIVE && tenant.status() != TenantStatus.SUSPENDED) {
        everyTenant = false; // its schema is not ready: keep the realm roles until it is
        continue;
      }
      Optional<String> organization = registry.organizationId(tenant.slug());
      if (organization.isEmpty()) {
        continue;
      }
      List<OrganizationMember> members =
          directory.members(organization.get()).stream()
              .filter(m -> holders.containsKey(m.id()))
              .toList();
      if (!members.isEmpty()) {
        TenantContext.runAs(tenant, () -> self.adopt(members, holders));
      }
    }
    if (!everyTenant) {
      return;
    }
    holders.forEach(directory::dropLegacyRole);
    LOG.info(
        () ->
            "Moved the realm-wide roles of " + holders.size() + " people into their organizations");
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void adopt(List<OrganizationMember> members, Map<String, String> holders) {
    for (OrganizationMember member : members) {
      Role role = Role.of(holders.get(member.id()));
      Optional<UserProfile> row = profiles.find(member.id());
      if (row.isEmpty()) {
        profiles.add(
            UserProfile.fromDirectory(
                member.id(), member.username(), member.email(), member.displayName(), role));
      } else if (!row.get().role().atLeast(role)) {
        row.get().changeRole(role);
      } else {
        continue;
      }
      audit.recordChange(
          "member.role_migrated", member.username(), "realm-wide " + role.label(), role.label());
    }
  }
}
