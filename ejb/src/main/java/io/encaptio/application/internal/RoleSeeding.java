package io.encaptio.application.internal;

import io.encaptio.domain.audit.AuditRepository;
import io.encaptio.domain.user.MembershipCache;
import io.encaptio.domain.user.Role;
import io.encaptio.domain.user.UserProfile;
import io.encaptio.domain.user.UserProfileRepository;
import io.encaptio.tenancy.application.Organization;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Roles that come from the identity provider once, into the organizations they hold in:
 *
 * <ul>
 *   <li>an organization made in Keycloak rather than provisioned by Encaptio names its first
 *       people's roles in its {@value Organization#INITIAL_ROLES} attribute; a member listed there
 *       who has no role in the tenant yet gets it (an admin's later change is never undone);
 *   <li>the realm-wide roles of earlier versions ({@code owner}, {@code editor}, which held in
 *       every organization of a person) are moved into each organization the holder is a member of,
 *       nowhere else, and taken away once every tenant has them, so tokens no longer carry them.
 * </ul>
 *
 * Runs with each directory synchronisation (at start-up and every interval), on the organizations
 * it listed.
 */
@Stateless
public class RoleSeeding {

  private static final Logger LOG = Logger.getLogger(RoleSeeding.class.getName());

  @Inject OrganizationDirectory directory;
  @Inject TenantRegistry registry;
  @Inject UserProfileRepository profiles;
  @Inject AuditTrail audit;
  @Inject MembershipCache cache;
  @Inject AuditRepository log;
  @Resource SessionContext context;

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void seed(List<TenantRef> tenants, List<Organization> organizations) {
    RoleSeeding self = context.getBusinessObject(RoleSeeding.class);
    Map<String, TenantRef> bySlug = new HashMap<>();
    tenants.stream().filter(RoleSeeding::ready).forEach(t -> bySlug.put(t.slug(), t));
    for (Organization organization : organizations) {
      TenantRef tenant = bySlug.get(organization.alias());
      if (tenant != null) {
        initialRoles(tenant, organization);
      }
    }
    migrateRealmRoles(tenants, self);
  }

  /**
   * Grants the organization's initial roles in its tenant to the members listed who have no role
   * there yet; a failure is logged and retried by the next synchronisation.
   */
  public void initialRoles(TenantRef tenant, Organization organization) {
    if (organization.initialRoles().isEmpty()) {
      return;
    }
    RoleSeeding self = context.getBusinessObject(RoleSeeding.class);
    try {
      Map<String, String> roles = new HashMap<>();
      List<OrganizationMember> listed = new ArrayList<>();
      for (OrganizationMember m : directory.members(organization.id())) {
        String role = organization.initialRoles().get(m.username());
        if (role != null) {
          roles.put(m.id(), role);
          listed.add(m);
        }
      }
      TenantContext.runAs(tenant, () -> self.adopt(listed, roles, false, "member.initial_role"));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "Initial roles of " + tenant.slug() + " not granted yet");
    }
  }

  private void migrateRealmRoles(List<TenantRef> tenants, RoleSeeding self) {
    Map<String, String> holders = directory.legacyRoleHolders();
    if (holders.isEmpty()) {
      return;
    }
    // Tenants still being provisioned are new: their people get roles the new way.
    boolean complete = true;
    for (TenantRef tenant : tenants) {
      if (!ready(tenant)) {
        continue;
      }
      Optional<String> organization = registry.organizationId(tenant.slug());
      if (organization.isEmpty()) {
        continue;
      }
      try {
        List<OrganizationMember> members =
            directory.members(organization.get()).stream()
                .filter(m -> holders.containsKey(m.id()))
                .toList();
        if (!members.isEmpty()) {
          TenantContext.runAs(
              tenant, () -> self.adopt(members, holders, true, "member.role_migrated"));
        }
      } catch (RuntimeException e) {
        complete = false; // keep the realm roles: the next run migrates this tenant again
        LOG.log(Level.WARNING, e, () -> "Realm roles not moved into " + tenant.slug() + " yet");
      }
    }
    if (!complete) {
      return;
    }
    holders.forEach(directory::dropLegacyRole);
    LOG.info(
        () ->
            "Moved the realm-wide roles of "
                + holders.size()
                + " people into the organizations they are members of");
  }

  private static boolean ready(TenantRef tenant) {
    return tenant.status() == TenantStatus.ACTIVE || tenant.status() == TenantStatus.SUSPENDED;
  }

  /**
   * Gives each member their role in the current tenant: a person with no row gets one; with {@code
   * raise}, a lower role is raised too (never lowered).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void adopt(
      List<OrganizationMember> members, Map<String, String> roles, boolean raise, String action) {
    Function<String, Role> roleOf = id -> Role.of(roles.get(id));
    for (OrganizationMember member : members) {
      Role role = roleOf.apply(member.id());
      Optional<UserProfile> row = profiles.find(member.id());
      String before;
      if (row.isEmpty()) {
        profiles.add(
            UserProfile.fromDirectory(
                member.id(), member.username(), member.email(), member.displayName(), role));
        before = null;
      } else if (raise
          && !row.get().role().atLeast(role)
          && !log.exists(action, member.username())) {
        // raised once: an admin's later change is never undone by a run that repeats
        before = row.get().role().label();
        row.get().changeRole(role);
      } else {
        continue;
      }
      cache.forget(member.id());
      audit.recordChange(action, member.username(), before, role.label());
    }
  }
}
