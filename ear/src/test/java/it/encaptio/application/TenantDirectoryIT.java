package it.encaptio.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.encaptio.application.TenantDirectory;
import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.domain.TenantStatus;
import it.encaptio.support.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The TenantDirectory EJB inside the running Liberty server, with the server's real PostgreSQL data
 * source and the real Keycloak: organizations become tenants with migrated schemas.
 */
@ExtendWith(ArquillianExtension.class)
class TenantDirectoryIT {

  @Deployment
  static WebArchive deployment() throws Exception {
    return Deployments.ejbModule("tenant-directory-it", TenantDirectoryIT.class);
  }

  @Inject TenantDirectory directory;

  @Resource(lookup = "jdbc/encaptio")
  DataSource dataSource;

  @Test
  void registersEveryKeycloakOrganizationAsAnActiveTenantWithItsOwnSchema() throws SQLException {
    List<TenantRef> tenants = asOperator(directory::synchronizeWithIdentityProvider);

    Map<String, TenantRef> bySlug =
        tenants.stream().collect(Collectors.toMap(TenantRef::slug, Function.identity()));
    assertThat(bySlug).containsKeys("acme", "globex");
    for (TenantRef tenant : List.of(bySlug.get("acme"), bySlug.get("globex"))) {
      assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
      assertThat(tableExists(tenant.schemaName().value(), "user_profile")).isTrue();
    }
    assertThat(bySlug.get("acme").schemaName()).isNotEqualTo(bySlug.get("globex").schemaName());
    assertThat(bySlug.get("acme").displayName()).isEqualTo("Acme Corp");
  }

  @Test
  void synchronisingAgainChangesNothing() {
    List<TenantRef> first = asOperator(directory::synchronizeWithIdentityProvider);
    List<TenantRef> second = asOperator(directory::synchronizeWithIdentityProvider);

    assertThat(second).containsExactlyElementsOf(first);
  }

  @Test
  void unknownOrMalformedSlugFindsNoTenant() {
    assertThat(asOperator(() -> directory.tenant("umbrella"))).isEmpty();
    assertThat(asOperator(() -> directory.tenant("acme'; drop schema platform cascade; --")))
        .isEmpty();
    assertThat(asOperator(() -> directory.tenant("acme")))
        .get()
        .extracting(TenantRef::slug)
        .isEqualTo("acme");
  }

  private boolean tableExists(String schema, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select 1 from information_schema.tables where table_schema = ? and table_name = ?")) {
      query.setString(1, schema);
      query.setString(2, table);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static <T> T asOperator(java.util.function.Supplier<T> work) {
    return ActorContext.supplyAs(Actor.operator("it-operator", "Test operator", null), work);
  }
}
