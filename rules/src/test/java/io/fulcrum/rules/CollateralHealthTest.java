package io.fulcrum.rules;

import static io.fulcrum.rules.ShippedPolicies.decide;
import static io.fulcrum.rules.ShippedPolicies.lending;
import static io.fulcrum.rules.TieredPerpsTest.firedRules;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.MarginDecision;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * collateral-health against the Aave v3 documentation and contracts: health factor = sum(collateral
 * x price x liquidation threshold) / debt value (Aave docs "Health Factor"; GenericLogic.sol);
 * close factor 50%, or 100% at HF <= 0.95 or when collateral or debt is under 2,000 USD
 * (LiquidationLogic.sol, v3.3); collateral seized = debt repaid x (1 + bonus) / price. Published
 * example: 10,000 USD of ETH with LT 80% against 6,000 USD of debt gives HF 1.333.
 */
class CollateralHealthTest {

  private static MarginDecision ethLoan(String ethAmount, String ethPrice, String debtUsdc) {
    return decide(
        "collateral-health@1",
        lending(
            Map.of("ETH", ethAmount),
            Map.of("USDC", debtUsdc),
            Map.of("ETH", ethPrice, "USDC", "1")));
  }

  @Test
  void aavesPublishedExample_givesHealthFactor1point333() {
    MarginDecision d = ethLoan("5", "2000", "6000"); // 10,000 USD of ETH
    assertThat(d.metrics().get("healthFactor")).isEqualByComparingTo("1.33333333"); // 8,000 / 6,000
    assertThat(d.status()).isEqualTo(DecisionStatus.OK);
    assertThat(d.metrics()).doesNotContainKey("closeFactor");
  }

  @Test
  void healthFactorBetween095And1_liquidatesHalfTheDebt() {
    MarginDecision d = ethLoan("5", "1480", "6000"); // HF = 7,400 x 0.8 / 6,000 = 0.98667
    assertThat(d.status()).isEqualTo(DecisionStatus.LIQUIDATE);
    assertThat(d.metrics().get("healthFactor")).isEqualByComparingTo("0.98666667");
    assertThat(d.metrics().get("closeFactor")).isEqualByComparingTo("0.5");
    assertThat(d.metrics().get("maxDebtRepayable")).isEqualByComparingTo("3000");
    // 3,000 x 1.05 / 1,480 = 2.128378378...
    assertThat(d.metrics().get("maxCollateralSeized.ETH")).isEqualByComparingTo("2.12837838");
    assertThat(firedRules(d)).contains("Half liquidation between 0.95 and 1");
  }

  @Test
  void healthFactorAtOrBelow095_liquidatesAllTheDebt() {
    MarginDecision d = ethLoan("5", "1400", "6000"); // HF = 5,600 / 6,000 = 0.93333
    assertThat(d.metrics().get("closeFactor")).isEqualByComparingTo("1");
    assertThat(d.metrics().get("maxDebtRepayable")).isEqualByComparingTo("6000");
    assertThat(d.metrics().get("maxCollateralSeized.ETH"))
        .isEqualByComparingTo("4.5"); // 6,300 / 1,400
    assertThat(firedRules(d)).contains("Full liquidation at health factor 0.95 or below");
  }

  @Test
  void smallPositionBelow1_isLiquidatedInFull() {
    MarginDecision d = ethLoan("1", "1480", "1200"); // collateral 1,480 < 2,000; HF 0.98667
    assertThat(d.metrics().get("closeFactor")).isEqualByComparingTo("1");
    assertThat(firedRules(d)).contains("Full liquidation of a small position below 1");
  }

  @Test
  void seizedCollateral_isCappedAtTheBalance() {
    MarginDecision d = ethLoan("5", "1000", "6000"); // HF 0.667; 6,300 / 1,000 = 6.3 ETH > 5
    assertThat(d.metrics().get("maxCollateralSeized.ETH")).isEqualByComparingTo("5");
  }

  @Test
  void healthFactorBelowTheCallLevel_isAMarginCall() {
    MarginDecision d = ethLoan("5", "1600", "6000"); // 6,400 / 6,000 = 1.0667 < 1.1
    assertThat(d.status()).isEqualTo(DecisionStatus.MARGIN_CALL);
  }

  @Test
  void marginRatioReaches100PercentExactlyWhenTheHealthFactorIs1() {
    MarginDecision d = ethLoan("5", "1500", "6000"); // 7,500 x 0.8 = 6,000 = debt
    assertThat(d.metrics().get("healthFactor")).isEqualByComparingTo("1");
    assertThat(d.marginRatio()).isEqualByComparingTo("1"); // 1,500 haircut / (7,500 - 6,000)
    assertThat(d.status()).isEqualTo(DecisionStatus.MARGIN_CALL); // Aave liquidates below 1 only
  }

  @Test
  void severalCollateralAssets_addTheirThresholdWeightedValues() {
    MarginDecision d =
        decide(
            "collateral-health@1",
            lending(
                Map.of("ETH", "2", "BTC", "0.1"),
                Map.of("USDC", "5000"),
                Map.of("ETH", "2000", "BTC", "50000", "USDC", "1")));
    // (4,000 x 0.80 + 5,000 x 0.75) / 5,000
    assertThat(d.metrics().get("healthFactor")).isEqualByComparingTo("1.39");
  }

  @Test
  void noDebt_isOkWithoutAHealthFactor() {
    MarginDecision d =
        decide("collateral-health@1", lending(Map.of("ETH", "1"), Map.of(), Map.of("ETH", "2000")));
    assertThat(d.status()).isEqualTo(DecisionStatus.OK);
    assertThat(d.metrics()).doesNotContainKey("healthFactor");
  }
}
