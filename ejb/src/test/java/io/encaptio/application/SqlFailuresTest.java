package io.encaptio.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {

  @Test
  void aStateIsFoundAmongTheCauses() {
    Exception failure =
        new EJBException(
            "commit failed",
            new IllegalStateException(new SQLException("read-only transaction", "25006")));

    assertThat(SqlFailures.hasState(failure, "40P01", "25006")).isTrue();
    assertThat(SqlFailures.hasState(failure, "40P01", "40001")).isFalse();
  }

  @Test
  void anSqlExceptionWithoutAStateHasNoneOfThem() {
    Exception failure = new RuntimeException(new SQLException("connection pool closed"));

    assertThat(SqlFailures.hasState(failure, "25006")).isFalse();
  }

  @Test
  void aFailureThatIsItsOwnCauseEndsTheWalk() {
    assertThat(SqlFailures.hasState(new SelfCaused(), "25006")).isFalse();
  }

  private static final class SelfCaused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public synchronized Throwable getCause() {
      return this;
    }
  }
}
