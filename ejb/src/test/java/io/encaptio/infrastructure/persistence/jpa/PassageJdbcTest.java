package io.encaptio.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PassageJdbcTest {

  @Test
  void aStatementsSpanIsNamedAfterTheVerbAndTableOfTheStatementWhoseRowsAreReturned() {
    assertThat(
            PassageJdbc.span(
                "SELECT set_config('hnsw.ef_search', ?6, true); SELECT c.id FROM"
                    + " \"t_2851fe26194d4c5a8b343b81bf73eb94\".chunk c WHERE c.capsule_id = ?1"))
        .isEqualTo("SELECT t_2851fe26194d4c5a8b343b81bf73eb94.chunk");
    assertThat(PassageJdbc.span("insert into t_x.question_cluster (id) values (?1)"))
        .isEqualTo("INSERT t_x.question_cluster");
    assertThat(PassageJdbc.span("SELECT set_config('enable_sort', 'on', true)"))
        .isEqualTo("SELECT");
  }
}
