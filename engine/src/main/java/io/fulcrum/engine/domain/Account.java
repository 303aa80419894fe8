package io.fulcrum.engine.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An account: its open positions, collateral and debts. Lists keep the order given. */
public record Account(
    String id, List<Position> positions, List<CollateralBalance> collateral, List<Debt> debts) {

  public Account {
    id = Checks.text("id", id);
    positions = positions == null ? List.of() : List.copyOf(positions);
    collateral = collateral == null ? List.of() : List.copyOf(collateral);
    debts = debts == null ? List.of() : List.copyOf(debts);
    unique("collateral", collateral.stream().map(CollateralBalance::asset).toList());
    unique("debts", debts.stream().map(Debt::asset).toList());
    unique("positions", positions.stream().map(Position::instrument).toList());
  }

  private static void unique(String field, List<String> keys) {
    Set<String> seen = new HashSet<>();
    for (String key : keys) {
      if (!seen.add(key)) {
        throw new IllegalArgumentException(field + " lists '" + key + "' twice; merge the entries");
      }
    }
  }
}
