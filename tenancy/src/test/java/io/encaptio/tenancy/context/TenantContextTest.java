package io.encaptio.tenancy.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encaptio.tenancy.application.TenantRef;
import io.encaptio.tenancy.domain.SchemaName;
import io.encaptio.tenancy.domain.TenantStatus;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TenantContextTest {

  private static final TenantRef ACME = tenant("acme");
  private static final TenantRef GLOBEX = tenant("globex");

  private static TenantRef tenant(String slug) {
    UUID id = UUID.randomUUID();
    return new TenantRef(
        id,
        slug,
        slug,
        SchemaName.forTenant(id),
        TenantStatus.ACTIVE,
        null,
        "starter",
        "main",
        null);
  }

  @Test
  void currentFailsClosedWhenNoTenantIsSet() {
    assertThat(TenantContext.find()).isEmpty();
    assertThatThrownBy(TenantContext::current)
        .isInstanceOf(NoTenantException.class)
        .hasMessageContaining("No tenant is set");
  }

  @Test
  void callAsHoldsTheTenantForTheWorkAndClearsItAfterwards() throws Exception {
    TenantRef seen = TenantContext.callAs(ACME, TenantContext::current);

    assertThat(seen).isEqualTo(ACME);
    assertThat(TenantContext.find()).isEmpty();
  }

  @Test
  void callAsClearsTheTenantEvenWhenTheWorkThrows() {
    assertThatThrownBy(
            () ->
                TenantContext.callAs(
                    ACME,
                    () -> {
                      throw new IllegalStateException("capsule failed");
                    }))
        .hasMessage("capsule failed");

    assertThat(TenantContext.find()).isEmpty();
  }

  @Test
  void nestedCallAsRestoresTheOuterTenant() throws Exception {
    List<TenantRef> seen =
        TenantContext.callAs(
            ACME,
            () -> {
              TenantRef inner = TenantContext.callAs(GLOBEX, TenantContext::current);
              assertThatThrownBy(
                      () ->
                          TenantContext.runAs(
                              GLOBEX,
                              () -> {
                                throw new IllegalArgumentException("inner failure");
                              }))
                  .hasMessage("inner failure");
              return List.of(inner, TenantContext.current());
            });

    assertThat(seen).containsExactly(GLOBEX, ACME);
    assertThat(TenantContext.find()).isEmpty();
  }

  @Test
  void aPooledThreadDoesNotKeepThePreviousTasksTenant() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      single.submit(() -> TenantContext.runAs(ACME, () -> {})).get(10, TimeUnit.SECONDS);

      assertThat(single.submit(TenantContext::find).get(10, TimeUnit.SECONDS)).isEmpty();
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void namesTheTenantInEveryLogRecordOfTheWorkAndNotAfter() throws Exception {
    java.util.Map<String, String> during = new java.util.HashMap<>();
    TenantContext.callAs(
        tenant("acme"),
        () -> {
          com.ibm.websphere.logging.hpel.LogRecordContext.getExtensions(during);
          return null;
        });
    java.util.Map<String, String> after = new java.util.HashMap<>();
    com.ibm.websphere.logging.hpel.LogRecordContext.getExtensions(after);

    org.assertj.core.api.Assertions.assertThat(during).containsEntry("tenant", "acme");
    org.assertj.core.api.Assertions.assertThat(after).doesNotContainKey("tenant");
  }
}
