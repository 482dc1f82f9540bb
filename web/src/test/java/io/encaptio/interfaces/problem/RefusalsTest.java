package io.encaptio.interfaces.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Database failures a tenant's move causes are told apart from defects, however deep the container
 * wrapped them (the problems themselves need the JAX-RS runtime: see DatabaseServersIT).
 */
class RefusalsTest {

  private static Throwable wrapped(SQLException sql) {
    return new EJBException(new PersistenceException("insert failed", sql));
  }

  @Test
  void aWriteInAReadOnlyTransactionIsAReadOnlyTenant() {
    assertThat(
            Refusals.readOnlyTenant(
                wrapped(
                    new SQLException("cannot execute INSERT in a read-only transaction", "25006"))))
        .isTrue();
    assertThat(Refusals.readOnlyTenant(wrapped(new SQLException("syntax error", "42601"))))
        .isFalse();
  }

  @Test
  void aTenantTableGoneMeansTheTenantMovedAndOtherMissingTablesStayDefects() {
    assertThat(
            Refusals.tenantSchemaGone(
                wrapped(
                    new SQLException(
                        "relation \"t_60332fbb73174f48bf2030d69576554f.capsule\" does not exist",
                        "42P01"))))
        .isTrue();
    assertThat(
            Refusals.tenantSchemaGone(
                wrapped(new SQLException("relation \"platform.jobs\" does not exist", "42P01"))))
        .as("not a tenant's schema")
        .isFalse();
    assertThat(
            Refusals.tenantSchemaGone(
                wrapped(new SQLException("t_60332fbb73174f48bf2030d69576554f: timeout", "57014"))))
        .as("another failure naming the schema")
        .isFalse();
  }
}
