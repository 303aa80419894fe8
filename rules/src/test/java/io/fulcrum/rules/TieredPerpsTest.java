package io.fulcrum.rules;

import static io.fulcrum.rules.ShippedPolicies.dec;
import static io.fulcrum.rules.ShippedPolicies.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PositionFigures;
import io.fulcrum.engine.explain.Calculation;
import io.fulcrum.engine.explain.ExplanationText;
import io.fulcrum.engine.explain.RuleFired;
import io.fulcrum.engine.explain.TableHit;
import io.fulcrum.rules.ShippedPolicies.Perps;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tiered-perps against published numbers. Sources:
 *
 * <ul>
 *   <li>Binance support FAQ "Leverage and Margin of USDⓈ-M Futures": a 264,000 USDT BTCUSDT
 *       position is in the 250,000-1,000,000 bracket with a maintenance margin rate of 1%; the
 *       maintenance amount there is 1,300 = 250,000 x (1% - 0.5%) + 50.
 *   <li>Binance support FAQ "How to Calculate Liquidation Price of USDⓈ-M Futures Contracts": LP =
 *       (WB - TMM + UPNL + cum - side x size x entry) / (size x MMR - side x size), recomputed with
 *       the bracket of the notional at LP when it differs.
 * </ul>
 *
 * Expected liquidation prices below are that formula evaluated by hand (34-digit decimals), then
 * checked against the defining property: at LP, margin balance = maintenance margin.
 */
class TieredPerpsTest {

  @Test
  void aPosition264kIsInBracket3_maintenanceIsOnePercentLess1300() {
    MarginDecision d =
        decide("tiered-perps@1", new Perps().isolated("4.4", "60000", "20", "13200").request());
    PositionFigures p = d.positions().get(0);
    assertThat(p.notional()).isEqualByComparingTo("264000");
    assertThat(p.parameters()).containsEntry("bracket", dec("3"));
    assertThat((BigDecimal) p.parameters().get("maintenanceMarginRate"))
        .isEqualByComparingTo("0.01");
    // 264,000 x 1% - 1,300
    assertThat(p.maintenanceMargin()).isEqualByComparingTo("1340");
    // 264,000 / 20
    assertThat(p.initialMargin()).isEqualByComparingTo("13200");
  }

  @Test
  void at500kTheMaintenanceAmountIs1300() {
    MarginDecision d =
        decide(
            "tiered-perps@1",
            new Perps().mark("50000").wallet("100000").cross("10", "50000", "10").request());
    PositionFigures p = d.positions().get(0);
    assertThat((BigDecimal) p.parameters().get("maintenanceAmount")).isEqualByComparingTo("1300");
    assertThat(p.maintenanceMargin()).isEqualByComparingTo("3700"); // 500,000 x 1% - 1,300
  }

  @Test
  void isolatedLongLiquidationPrice_matchesTheFormulaAndItsDefiningProperty() {
    MarginDecision d =
        decide("tiered-perps@1", new Perps().isolated("4.4", "60000", "20", "13200").request());
    BigDecimal lp = d.positions().get(0).liquidationPrice();
    // (13,200 + 1,300 - 4.4 x 60,000) / (4.4 x 1% - 4.4) = 57,277.318640955...
    assertThat(lp).isEqualByComparingTo("57277.31864096");
    // At LP the isolated balance equals the maintenance margin in the same bracket (3).
    BigDecimal balance = dec("13200").add(dec("4.4").multiply(lp.subtract(dec("60000"))));
    BigDecimal maintenance = dec("4.4").multiply(lp).multiply(dec("0.01")).subtract(dec("1300"));
    assertThat(balance.subtract(maintenance).doubleValue()).isCloseTo(0, within(1e-6));
  }

  @Test
  void liquidationPrice_isRecomputedInTheBracketOfTheLiquidationNotional() {
    MarginDecision d =
        decide("tiered-perps@1", new Perps().isolated("4.2", "60000", "20", "12600").request());
    // Entry notional 252,000 is in bracket 3; bracket 3's price 57,263.11 puts the notional at
    // 240,505 (bracket 2), so LP = (12,600 + 50 - 252,000) / (4.2 x 0.5% - 4.2) = 57,274.4675...
    assertThat(d.positions().get(0).liquidationPrice()).isEqualByComparingTo("57274.46757598");
    Calculation calc =
        d.explanation().steps().stream()
            .filter(s -> s instanceof Calculation c && c.name().equals("liquidation price"))
            .map(Calculation.class::cast)
            .findFirst()
            .orElseThrow();
    // Round 1 in bracket 3 leaves it; round 2 in bracket 2 stays inside [50,000, 250,000).
    assertThat((List<?>) calc.inputs().get("rounds"))
        .hasSize(3)
        .last()
        .asString()
        .contains("within [50000, 250000)");
    assertThat(calc.inputs().get("MMR")).isEqualTo(dec("0.005"));
    // The text quotes the bracket the price was solved in, not the position's own bracket 3.
    assertThat(ExplanationText.render(d))
        .contains(
            "Liquidation price 57,274.46757598, the mark at which margin balance equals maintenance"
                + " margin: (balance (cross wallet, or the isolated margin) 12,600 - ")
        .contains("x maintenance rate 0.5% - side 1 x size 4.2)")
        .contains("then maintenance rate 0.005, maintenance amount 50 gives 57274.46757598");
  }

  @Test
  void crossLiquidationPrice_countsTheWholeWallet() {
    MarginDecision d =
        decide("tiered-perps@1", new Perps().wallet("10000").cross("1", "60000", "20").request());
    // (10,000 + 50 - 60,000) / (0.5% - 1) = 50,201.0050...
    assertThat(d.positions().get(0).liquidationPrice()).isEqualByComparingTo("50201.00502513");
  }

  @Test
  void shortLiquidationPrice_isAboveEntry() {
    MarginDecision d =
        decide("tiered-perps@1", new Perps().isolated("-1", "60000", "20", "3000").request());
    // (3,000 + 50 + 60,000) / (0.5% + 1) = 62,736.318...
    assertThat(d.positions().get(0).liquidationPrice()).isEqualByComparingTo("62736.31840796");
  }

  @Test
  void status_followsTheMarginRatioThresholds() {
    // 1 BTC long from 60,000 marked at 55,000: MM = 55,000 x 0.5% - 50 = 225, UPNL = -5,000.
    assertThat(statusWithWallet("5300")).isEqualTo(DecisionStatus.OK); // ratio 225/300 = 75%
    assertThat(statusWithWallet("5250")).isEqualTo(DecisionStatus.MARGIN_CALL); // 225/250 = 90%
    assertThat(statusWithWallet("5225")).isEqualTo(DecisionStatus.LIQUIDATE); // 225/225 = 100%
    assertThat(statusWithWallet("4000")).isEqualTo(DecisionStatus.LIQUIDATE); // balance negative
  }

  private static DecisionStatus statusWithWallet(String wallet) {
    return decide(
            "tiered-perps@1",
            new Perps().mark("55000").wallet(wallet).cross("1", "60000", "20").request())
        .status();
  }

  @Test
  void leverageAboveTheBracketMaximum_isCappedAtTheMaximum() {
    MarginDecision d =
        decide(
            "tiered-perps@1", new Perps().wallet("20000").cross("4.4", "60000", "100").request());
    assertThat(d.positions().get(0).initialMargin()).isEqualByComparingTo("5280"); // 264,000 / 50
    assertThat(firedRules(d))
        .contains("Leverage capped at the bracket maximum")
        .doesNotContain("Initial margin = notional / chosen leverage");
  }

  @Test
  void version2_raisesBracket3Only() {
    var inBracket3 = new Perps().isolated("4.4", "60000", "20", "13200").request();
    var inBracket2 = new Perps().wallet("5000").cross("1", "60000", "20").request();
    // v2: 264,000 x 1.25% - (250,000 x (1.25% - 0.5%) + 50) = 3,300 - 1,925
    assertThat(decide("tiered-perps@2", inBracket3).maintenanceMargin())
        .isEqualByComparingTo("1375");
    assertThat(decide("tiered-perps@1", inBracket3).maintenanceMargin())
        .isEqualByComparingTo("1340");
    assertThat(decide("tiered-perps@2", inBracket2).maintenanceMargin())
        .isEqualByComparingTo(decide("tiered-perps@1", inBracket2).maintenanceMargin())
        .isEqualByComparingTo("250"); // 60,000 x 0.5% - 50
  }

  @Test
  void explanation_namesTheTableRowTheRulesAndTheMeasure() {
    MarginDecision d =
        decide("tiered-perps@1", new Perps().isolated("4.4", "60000", "20", "13200").request());
    TableHit hit =
        (TableHit)
            d.explanation().steps().stream()
                .filter(s -> s instanceof TableHit)
                .findFirst()
                .orElseThrow();
    assertThat(hit.table()).isEqualTo("BTC maintenance brackets");
    assertThat(hit.selectedRows()).containsExactly(3);
    assertThat(hit.rows().get(0).inputEntries())
        .containsExactly("\"BTCUSDT\"", "[250000..1000000)");
    assertThat(firedRules(d))
        .containsExactly(
            "Maintenance margin = notional x rate - maintenance amount",
            "Initial margin = notional / chosen leverage",
            "Liquidation price (one-way mode)",
            "Effective leverage = gross notional / margin balance",
            "OK below the call ratio");
    String text = ExplanationText.render(d);
    assertThat(text)
        .contains(
            "Maintenance margin 1,340.00 USDT = notional 264,000.00 USDT x maintenance rate 1.0% -"
                + " maintenance amount 1,300.00 USDT; rule 'Maintenance margin = notional x rate -"
                + " maintenance amount'")
        .contains(
            "Initial margin 13,200.00 USDT = notional 264,000.00 USDT / leverage 20x (as requested,"
                + " within the bracket maximum 50x)")
        .contains("row 3 of 'BTC maintenance brackets'")
        .contains("maintenanceMarginRate 1.0%")
        .contains("measure gross-notional as grossNotional")
        .contains("Status OK");
  }

  @Test
  void effectiveLeverage_isGrossNotionalOverMarginBalance() {
    MarginDecision d =
        decide(
            "tiered-perps@1",
            new Perps().isolated("4.4", "60000", "20", "13200").wallet("5000").request());
    // 264,000 / (5,000 + 13,200)
    assertThat(d.metrics().get("effectiveLeverage").doubleValue())
        .isCloseTo(
            new BigDecimal("264000")
                .divide(new BigDecimal("18200"), MathContext.DECIMAL64)
                .doubleValue(),
            within(1e-8));
  }

  static List<String> firedRules(MarginDecision d) {
    return d.explanation().steps().stream()
        .filter(s -> s instanceof RuleFired)
        .map(s -> ((RuleFired) s).rule())
        .toList();
  }
}
