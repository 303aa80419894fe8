package io.fulcrum.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final Pattern ROW =
      Pattern.compile(
          "\\[(\\d+)\\.\\.(\\d+)\\)</text></inputEntry>\\s*"
              + "<outputEntry[^>]*><text>(\\d+)</text></outputEntry>\\s*"
              + "<outputEntry[^>]*><text>([\\d.]+)</text></outputEntry>\\s*"
              + "<outputEntry[^>]*><text>([\\d.]+)</text></outputEntry>\\s*"
              + "<outputEntry[^>]*><text>\\d+</text></outputEntry>\\s*"
              + "<outputEntry[^>]*><text>(\\d+)</text></outputEntry>\\s*"
              + "<outputEntry[^>]*><text>(\\d+)</text></outputEntry>");

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
    Matcher m = ROW.matcher(Files.readString(dmn));
    List<Bracket> brackets = new ArrayList<>();
    while (m.find()) {
      brackets.add(
          new Bracket(
              new BigDecimal(m.group(1)),
              new BigDecimal(m.group(2)),
              new BigDecimal(m.group(4)),
              new BigDecimal(m.group(5))));
      // The floor and cap outputs repeat the row's notional interval.
      assertThat(new BigDecimal(m.group(6)))
          .as("notionalFloor in %s", dmn)
          .isEqualByComparingTo(m.group(1));
      assertThat(new BigDecimal(m.group(7)))
          .as("notionalCap in %s", dmn)
          .isEqualByComparingTo(m.group(2));
    }
    assertThat(brackets).as("brackets parsed from %s", dmn).hasSize(10);
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
