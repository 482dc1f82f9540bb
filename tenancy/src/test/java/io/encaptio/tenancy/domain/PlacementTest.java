package io.encaptio.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.encaptio.tenancy.domain.Placement.Load;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementTest {

  @Test
  void aNewTenantGoesToTheServerWithTheFewestTenantsPerUnitOfWeight() {
    assertThat(Placement.choose(List.of(new Load("main", 1, 3), new Load("second", 1, 0))))
        .contains("second");
    // twice the weight takes twice the tenants: 10/2 + 1 is less crowded than 4/1 + 1
    assertThat(Placement.choose(List.of(new Load("main", 1, 4), new Load("big", 2, 9))))
        .contains("big");
    assertThat(Placement.choose(List.of(new Load("main", 1, 4), new Load("big", 2, 10))))
        .contains("main");
  }

  @Test
  void weightZeroTakesNoneAndTiesGoToTheFirstName() {
    assertThat(Placement.choose(List.of(new Load("main", 1, 100), new Load("closed", 0, 0))))
        .contains("main");
    assertThat(Placement.choose(List.of(new Load("b", 1, 2), new Load("a", 1, 2)))).contains("a");
    assertThat(Placement.choose(List.of(new Load("main", 0, 0)))).isEmpty();
  }

  @Test
  void placingManyTenantsOneByOneFillsTheServersInProportionToTheirWeights() {
    Map<String, Integer> weights = Map.of("main", 1, "second", 2, "third", 3);
    Map<String, Long> held = new HashMap<>(Map.of("main", 0L, "second", 0L, "third", 0L));
    for (int i = 0; i < 600; i++) {
      List<Load> loads = new ArrayList<>();
      weights.forEach((server, weight) -> loads.add(new Load(server, weight, held.get(server))));
      held.merge(Placement.choose(loads).orElseThrow(), 1L, Long::sum);
    }
    assertThat(held)
        .containsEntry("main", 100L)
        .containsEntry("second", 200L)
        .containsEntry("third", 300L);
  }
}
