package it.encaptio.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.encaptio.application.TenantDirectory;
import io.encaptio.application.TenantProvisioning;
import io.encaptio.application.TenantProvisioning.Provisioned;
import io.encaptio.application.TenantProvisioning.Step;
import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.tenancy.application.NewTenant;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.domain.InvalidTenantException;
import io.encaptio.tenancy.domain.TenantStatus;
import it.encaptio.support.Deployments;
import it.encaptio.support.KeycloakProbe;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Provisioning against the real database and Keycloak: a run interrupted after each step is
 * completed by running again, with one tenant, one schema, one organization and one owner.
 */
@ExtendWith(ArquillianExtension.class)
class TenantProvisioningIT {

  @Deployment
  static WebArchive deployment() throws Exception {
    return Deployments.ejbModule(
            "tenant-provisioning-it",
            TenantProvisioningIT.class,
            ProvisioningFault.class,
            ProvisioningFault.SimulatedCrash.class,
            KeycloakProbe.class)
        .addAsLibraries(Deployments.jarOf(com.fasterxml.jackson.databind.ObjectMapper.class))
        .addAsLibraries(Deployments.jarOf(com.fasterxml.jackson.core.JsonFactory.class))
        .addAsLibraries(Deployments.jarOf(com.fasterxml.jackson.annotation.JsonProperty.class));
  }

  @Inject TenantProvisioning provisioning;
  @Inject TenantDirectory directory;

  private static NewTenant request(String slug) {
    return new NewTenant(slug, "Test " + slug, null, "owner@" + slug + ".example", "Olive Owner");
  }

  @Test
  void runInterruptedAfterTheReservationIsCompleted() throws Exception {
    interruptAndComplete(Step.RESERVED, false);
  }

  /**
   * An empty schema left by an interrupted run (earlier builds created it in a step of its own):
   * the migrations take it after checking it is empty.
   */
  @Test
  void runInterruptedWithAnEmptySchemaIsCompleted() throws Exception {
    interruptAndComplete(Step.RESERVED, true);
  }

  @Test
  void runInterruptedAfterTheMigrationsIsCompleted() throws Exception {
    interruptAndComplete(Step.SCHEMA_MIGRATED, false);
  }

  @Test
  void runInterruptedAfterTheKeycloakOrganizationIsCompleted() throws Exception {
    interruptAndComplete(Step.ORGANIZATION_CREATED, false);
  }

  @Test
  void runInterruptedAfterTheOwnerInvitationIsCompleted() throws Exception {
    interruptAndComplete(Step.OWNER_INVITED, false);
  }

  private void interruptAndComplete(Step interruptedAfter, boolean emptySchemaLeft)
      throws Exception {
    String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
    NewTenant request = request(slug);
    KeycloakProbe keycloak = new KeycloakProbe();
    try {
      ProvisioningFault.failAfter = interruptedAfter;
      assertThatThrownBy(() -> asOperator(() -> provisioning.provision(request)))
          .hasStackTraceContaining("simulated crash after " + interruptedAfter);
      assertThat(asOperator(() -> directory.tenant(slug)))
          .get()
          .extracting(TenantRef::status)
          .isEqualTo(TenantStatus.PROVISIONING);
      if (emptySchemaLeft) {
        String schema = asOperator(() -> directory.tenant(slug)).orElseThrow().schemaName().value();
        DataSource dataSource = InitialContext.doLookup("jdbc/encaptio");
        try (Connection connection = dataSource.getConnection();
            Statement statement = connection.createStatement()) {
          statement.execute("CREATE SCHEMA \"" + schema + "\"");
        }
      }

      ProvisioningFault.failAfter = null;
      Provisioned completed = asOperator(() -> provisioning.completeProvisioning(slug));
      Provisioned repeated = asOperator(() -> provisioning.provision(request));
      TenantRef tenant = completed.tenant();
      TenantRef again = repeated.tenant();

      assertThat(completed.steps())
          .doesNotContainKey(Step.RESERVED)
          .containsKeys(Step.SCHEMA_MIGRATED, Step.OWNER_INVITED, Step.ACTIVATED);
      assertThat(repeated.steps()).as("a completed request does nothing again").isEmpty();

      assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
      assertThat(again.id()).isEqualTo(tenant.id());
      assertThat(count("select count(*) from platform.tenants where slug = ?", slug)).isEqualTo(1);
      assertThat(
              count(
                  "select count(*) from information_schema.tables where table_schema = ? and table_name = 'user_profile'",
                  tenant.schemaName().value()))
          .isEqualTo(1);
      JsonNode organizations = keycloak.organizations(slug);
      assertThat(organizations).hasSize(1);
      JsonNode owners = keycloak.usersByEmail(request.ownerEmail());
      assertThat(owners).hasSize(1);
      assertThat(owners.get(0).get("requiredActions").toString()).contains("UPDATE_PASSWORD");
      String ownerId = owners.get(0).get("id").asText();
      assertThat(keycloak.realmRoles(ownerId).toString())
          .as("the owner's role holds in this organization only, never realm-wide")
          .doesNotContain("\"owner\"");
      assertThat(
              count(
                  "select count(*) from platform.tenants where slug = ? and owner_subject = ?",
                  slug,
                  ownerId))
          .as("the registry knows the first owner, to make them owner at their first sign-in")
          .isEqualTo(1);
      JsonNode members = keycloak.members(organizations.get(0).get("id").asText());
      assertThat(members).hasSize(1);
      assertThat(members.get(0).get("email").asText()).isEqualTo(request.ownerEmail());
    } finally {
      ProvisioningFault.failAfter = null;
      keycloak.remove(slug, request.ownerEmail());
    }
  }

  @Test
  void badRequestsAreRefusedWithWhatToFixAndCreateNothing() throws Exception {
    long before = count("select count(*) from platform.tenants");

    assertThatThrownBy(() -> asOperator(() -> provisioning.provision(request("acme"))))
        .isInstanceOf(InvalidTenantException.class)
        .hasStackTraceContaining("'acme' is taken by Acme Corp");
    assertThatThrownBy(
            () ->
                asOperator(
                    () ->
                        provisioning.provision(
                            new NewTenant(
                                "x'; drop schema platform cascade; --",
                                "n".repeat(201),
                                null,
                                "nope",
                                ""))))
        .isInstanceOf(InvalidTenantException.class)
        .hasStackTraceContaining("lower-case letters, digits and hyphens")
        .hasStackTraceContaining("201 characters; at most 200");

    assertThat(count("select count(*) from platform.tenants")).isEqualTo(before);
    assertThat(new KeycloakProbe().organizations("x")).isEmpty();
  }

  private static <T> T asOperator(java.util.function.Supplier<T> work) {
    return ActorContext.supplyAs(Actor.operator("it-operator", "Test operator", null), work);
  }

  private static long count(String sql, String... parameters) throws Exception {
    DataSource dataSource = InitialContext.doLookup("jdbc/encaptio");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
