package io.fulcrum.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.dmn.DecisionTable;
import io.fulcrum.engine.dmn.DecisionTables;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every tiered-perps bracket table is internally consistent: brackets are contiguous from 0, and
 * their notionalFloor/notionalCap outputs repeat each row's interval, and the maintenance amount
 * follows cum_n = floor_n x (MMR_n - MMR_n-1) + cum_n-1 (Binance "Leverage and Margin of USDⓈ-M
 * Futures"), so maintenance margin is continuous at every floor.
 */
class BracketTablesTest {

  /** The notional interval of a bracket row as written, e.g. {@code [50000..250000)}. */
  private static final java.util.regex.Pattern INTERVAL =
      java.util.regex.Pattern.compile("\\[(\\d+)\\.\\.(\\d+)\\)");

  record Bracket(BigDecimal floor, BigDecimal cap, BigDecimal rate, BigDecimal cum) {}

  @TestFactory
  Stream<DynamicTest> everyVersionKeepsTheMaintenanceAmountRecursion() throws Exception {
    List<Path> tables;
    try (Stream<Path> s = Files.walk(Path.of("tiered-perps"))) {
      tables = s.filter(p -> p.getFileName().toString().equals("brackets.dmn")).sorted().toList();
    }
    assertThat(tables).hasSizeGreaterThanOrEqualTo(2);
    return tables.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> check(p)));
  }

  private static void check(Path dmn) throws Exception {
    DecisionTable table =
        DecisionTables.read(dmn.toString(), Files.readAllBytes(dmn)).stream()
            .filter(t -> t.decision().equals("Maintenance bracket"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no table 'Maintenance bracket' in " + dmn));
    List<Bracket> brackets = new ArrayList<>();
    for (DecisionTable.Row row : table.rows()) {
      int n = row.number();
      Matcher interval = INTERVAL.matcher(table.cell(n, "notional (USDT)"));
      assertThat(interval.matches())
          .as("row %d's notional in %s is a [floor..cap) interval", n, dmn)
          .isTrue();
      brackets.add(
          new Bracket(
              new BigDecimal(interval.group(1)),
              new BigDecimal(interval.group(2)),
              new BigDecimal(table.cell(n, "maintenanceMarginRate")),
              new BigDecimal(table.cell(n, "maintenanceAmount"))));
      assertThat(new BigDecimal(table.cell(n, "bracket")))
          .as("bracket of row %d", n)
          .isEqualTo(BigDecimal.valueOf(n));
      // The floor and cap outputs repeat the row's notional interval.
      assertThat(new BigDecimal(table.cell(n, "notionalFloor")))
          .as("notionalFloor in %s", dmn)
          .isEqualByComparingTo(interval.group(1));
      assertThat(new BigDecimal(table.cell(n, "notionalCap")))
          .as("notionalCap in %s", dmn)
          .isEqualByComparingTo(interval.group(2));
    }
    assertThat(brackets).as("brackets read from %s", dmn).hasSize(10);
    assertThat(brackets.get(0).floor()).isZero();
    assertThat(brackets.get(0).cum()).isZero();
    for (int i = 1; i < brackets.size(); i++) {
      Bracket prev = brackets.get(i - 1);
      Bracket b = brackets.get(i);
      assertThat(b.floor())
          .as("bracket %d starts where %d ends", i + 1, i)
          .isEqualByComparingTo(prev.cap());
      BigDecimal expected = b.floor().multiply(b.rate().subtract(prev.rate())).add(prev.cum());
      assertThat(b.cum()).as("cum of bracket %d in %s", i + 1, dmn).isEqualByComparingTo(expected);
    }
  }
}
