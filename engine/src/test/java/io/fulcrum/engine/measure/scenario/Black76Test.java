package io.fulcrum.engine.measure.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.DerivativesPortfolio.OptionRight;
import io.fulcrum.engine.measure.ReferenceValues;
import io.fulcrum.engine.measure.ReferenceValues.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class Black76Test {

  @TestFactory
  Stream<DynamicTest> matchesReferenceValues() {
    List<Row> rows = ReferenceValues.rowsFor("black-76");
    assertThat(rows).isNotEmpty();
    return rows.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row)));
  }

  private static void check(Row row) {
    // input column: right;F=..;K=..;T=..;vol=..;r=..
    String[] parts = row.input().split(";");
    Map<String, Double> p = new HashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=");
      p.put(kv[0], Double.parseDouble(kv[1]));
    }
    OptionRight right = OptionRight.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
    double price =
        Black76.price(right, p.get("F"), p.get("K"), p.get("T"), p.get("vol"), p.get("r"));
    assertThat(price).as(row.toString()).isCloseTo(row.expected(), within(row.tolerance()));
  }

  @Test
  void putCallParity_holdsForFuturesOptions() {
    // c - p = e^(-rT) (F - K)
    double f = 65000;
    double k = 70000;
    double call = Black76.price(OptionRight.CALL, f, k, 0.5, 0.7, 0.04);
    double put = Black76.price(OptionRight.PUT, f, k, 0.5, 0.7, 0.04);
    assertThat(call - put).isCloseTo(Math.exp(-0.04 * 0.5) * (f - k), within(1e-8));
  }
}
