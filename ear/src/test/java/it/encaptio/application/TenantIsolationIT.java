package it.encaptio.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encaptio.application.PeopleService;
import io.encaptio.application.PeopleService.PersonDto;
import io.encaptio.application.PeopleService.SignIn;
import io.encaptio.application.TenantDirectory;
import io.encaptio.application.access.Actor;
import io.encaptio.application.access.ActorContext;
import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.context.NoTenantException;
import io.encaptio.tenancy.context.TenantContext;
import io.encaptio.tenancy.domain.TenantStatus;
import it.encaptio.support.Deployments;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenants inside the running server, through the real services, data source, schemas and Keycloak:
 * the TenantDirectory EJB makes every organization a tenant with its own migrated schema; as tenant
 * B, nothing of tenant A is ever seen or changed, also when both work at the same time on pooled
 * connections, or one after the other in one transaction (each tenant has its own entity manager
 * factory and the transaction one entity manager per tenant). One deployment for both: each
 * Arquillian deployment of the EJB module costs most of a minute.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

  @Deployment
  static WebArchive deployment() throws Exception {
    return Deployments.ejbModule("tenant-isolation-it", TenantIsolationIT.class);
  }

  @Inject TenantDirectory directory;
  @Inject PeopleService profiles;

  @Resource(lookup = "jdbc/encaptio")
  DataSource dataSource;

  private TenantRef tenant(String slug) {
    return ActorContext.supplyAs(TEST, () -> directory.tenant(slug)).orElseThrow();
  }

  @Test
  void globexNeverSeesOrChangesAcmesProfiles() {
    TenantRef acme = tenant("acme");
    TenantRef globex = tenant("globex");
    String subject = "isolation-" + UUID.randomUUID();

    PersonDto inAcme =
        callAs(acme, () -> signIn(new SignIn(subject, "shared.name", "In Acme", "a@acme.example")));
    PersonDto inGlobex =
        callAs(
            globex,
            () -> signIn(new SignIn(subject, "shared.name", "In Globex", "g@globex.example")));

    assertThat(inAcme.signInCount()).isEqualTo(1);
    assertThat(inGlobex.signInCount()).as("globex's write created its own row").isEqualTo(1);
    List<PersonDto> acmeRows = callAs(acme, profiles::people);
    List<PersonDto> globexRows = callAs(globex, profiles::people);
    assertThat(acmeRows)
        .filteredOn(p -> p.subject().equals(subject))
        .singleElement()
        .satisfies(p -> assertThat(p.displayName()).isEqualTo("In Acme"));
    assertThat(globexRows)
        .filteredOn(p -> p.subject().equals(subject))
        .singleElement()
        .satisfies(p -> assertThat(p.displayName()).isEqualTo("In Globex"));
    assertThat(globexRows).noneMatch(p -> "a@acme.example".equals(p.email()));
  }

  @Test
  void withoutATenantTheCallFailsBeforeTheDatabase() {
    assertThat(TenantContext.find()).isEmpty();

    assertThatThrownBy(() -> ActorContext.supplyAs(TEST, profiles::people))
        .hasRootCauseInstanceOf(NoTenantException.class);
  }

  @Test
  void twoTenantsInterleavedOnTwoThreadsNeverCross() throws Exception {
    TenantRef acme = tenant("acme");
    TenantRef globex = tenant("globex");
    String subject = "interleaved-" + UUID.randomUUID();
    int iterations = 1_000;
    ManagedExecutorService executor =
        InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    CountDownLatch start = new CountDownLatch(1);

    List<Future<Integer>> workers = new ArrayList<>();
    for (TenantRef tenant : List.of(acme, globex)) {
      // The tenant crosses the thread boundary explicitly, as every async hop must carry it.
      workers.add(
          executor.submit(
              () -> {
                start.await();
                int crossed = 0;
                for (int i = 1; i <= iterations; i++) {
                  PersonDto seen =
                      callAs(
                          tenant,
                          () ->
                              signIn(
                                  new SignIn(
                                      subject, tenant.slug() + ".user", tenant.slug(), null)));
                  if (!seen.displayName().equals(tenant.slug()) || seen.signInCount() != i) {
                    crossed++;
                  }
                }
                return crossed;
              }));
    }
    start.countDown();

    for (Future<Integer> worker : workers) {
      assertThat(worker.get(5, TimeUnit.MINUTES))
          .as("reads that saw another tenant's row")
          .isZero();
    }
    for (TenantRef tenant : List.of(acme, globex)) {
      PersonDto last =
          callAs(tenant, profiles::people).stream()
              .filter(p -> p.subject().equals(subject))
              .findFirst()
              .orElseThrow();
      assertThat(last.signInCount()).isEqualTo(iterations);
      assertThat(last.username()).isEqualTo(tenant.slug() + ".user");
    }
  }

  @Test
  void oneTransactionAsTwoTenantsWritesEachIntoItsOwnSchema() throws Exception {
    TenantRef acme = tenant("acme");
    TenantRef globex = tenant("globex");
    String subject = "one-transaction-" + UUID.randomUUID();
    UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");

    transaction.begin();
    try {
      callAs(acme, () -> profiles.recordSignIn(new SignIn(subject, "a.user", "In Acme", null)));
      callAs(globex, () -> profiles.recordSignIn(new SignIn(subject, "g.user", "In Globex", null)));
      transaction.commit();
    } catch (RuntimeException e) {
      transaction.rollback();
      throw e;
    }

    assertThat(callAs(acme, profiles::people))
        .filteredOn(p -> p.subject().equals(subject))
        .singleElement()
        .satisfies(p -> assertThat(p.displayName()).isEqualTo("In Acme"));
    assertThat(callAs(globex, profiles::people))
        .filteredOn(p -> p.subject().equals(subject))
        .singleElement()
        .satisfies(p -> assertThat(p.displayName()).isEqualTo("In Globex"));
  }

  @Test
  void aRolledBackTransactionLeavesNothingAndTheNextOneWorks() throws Exception {
    TenantRef acme = tenant("acme");
    String subject = "rolled-back-" + UUID.randomUUID();
    UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");

    transaction.begin();
    callAs(acme, () -> profiles.recordSignIn(new SignIn(subject, "r.user", "Rolled back", null)));
    transaction.rollback();

    assertThat(callAs(acme, profiles::people)).noneMatch(p -> p.subject().equals(subject));
    PersonDto next = callAs(acme, () -> signIn(new SignIn(subject, "r.user", "Kept", null)));
    assertThat(next.signInCount()).isEqualTo(1);
    assertThat(next.displayName()).isEqualTo("Kept");
  }

  /** The platform itself: these tests are about schemas, not about who may call. */
  private static final Actor TEST = Actor.system("tenant isolation test");

  private PersonDto signIn(SignIn signIn) {
    profiles.recordSignIn(signIn);
    return profiles.person(signIn.subject());
  }

  private static <T> T callAs(TenantRef tenant, Callable<T> work) {
    try {
      return ActorContext.callAs(TEST, () -> TenantContext.callAs(tenant, work));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

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
