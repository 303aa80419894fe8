package io.fulcrum.engine.liquidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link LiquidityTier} against the cases of dYdX's own tests: dydxprotocol/v4-chain
 * protocol/x/perpetuals/types/liquidity_tier_test.go (commit
 * 01a48f236c5640df172482db21cd26b8f28ff781), functions TestGetInitialMarginQuoteQuantums,
 * TestGetAdjustedInitialMarginPpm, TestLiquidityTierGetMaintenanceMarginPpm and
 * TestLiquidityTierValidate. dYdX writes fractions in parts per million and amounts in quote
 * quantums and rounds the initial margin up to a whole quantum; here ppm / 10^6 is the fraction and
 * the quantum amounts are passed as they are, with scale 0.
 */
class LiquidityTierTest {

  private static BigDecimal ppm(long ppm) {
    return BigDecimal.valueOf(ppm).movePointLeft(6);
  }

  private static LiquidityTier tier(long imfPpm, long lower, long upper) {
    return new LiquidityTier(
        ppm(imfPpm), BigDecimal.ZERO, BigDecimal.valueOf(lower), BigDecimal.valueOf(upper));
  }

  /**
   * TestGetInitialMarginQuoteQuantums: name, IMF ppm, lower, upper, open notional, quantums, IM.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'initial margin 20%', 200000, 0, 0, 0, 500000, 100000",
    "'initial margin 50%', 500000, 0, 0, 0, 1000000, 500000",
    "'initial margin 10%, quote quantums = 1, should round up to 1', 100000, 0, 0, 0, 1, 1",
    "'initial margin 56.7243%, quote quantums = 123_456, should round up to 70_030', 567243, 0, 0, 0, 123456, 70030",
    "'base IMF = 20%, no OIMF since lower_cap = upper_cap = 0', 200000, 0, 0, 1500000000000, 500000, 100000",
    "'base IMF = 20%, scaling_factor = 0.5', 200000, 1000000000000, 2000000000000, 1500000000000, 500000, 300000",
    "'scaling_factor = 1 since open_interest >> upper_cap', 200000, 25000000000000, 50000000000000, 80000000000000, 500000, 500000",
    "'open_interest = lower_cap so scaling_factor = 0', 200000, 25000000000000, 50000000000000, 25000000000000, 500000, 100000",
    "'lower_cap < open_interest < upper_cap, realistic numbers', 200000, 25000000000000, 60000000000000, 28123456789123, 500000, 135697",
  })
  void initialMargin_isDydxsFigure(
      String name, long imfPpm, long lower, long upper, long openNotional, long quantums, long im) {
    assertThat(
            tier(imfPpm, lower, upper)
                .initialMargin(BigDecimal.valueOf(quantums), BigDecimal.valueOf(openNotional), 0))
        .isEqualByComparingTo(BigDecimal.valueOf(im));
  }

  /** TestGetAdjustedInitialMarginPpm: effective IMF in ppm, which dYdX rounds down. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'Zero open interest', 1000000, 2000000, 0, 200000",
    "'Open interest within bounds', 1000000, 2000000, 1500000, 600000",
    "'Open interest within bounds, rounded', 1000000, 2000000, 1234567, 387653",
    "'Open interest at lower bound', 1000000, 2000000, 1000000, 200000",
    "'Open interest at upper bound', 1000000, 2000000, 2000000, 1000000",
    "'Open interest above upper bound', 1000000, 2000000, 2500000, 1000000",
    "'No upper bound, no increase', 0, 0, 1500000, 200000",
  })
  void effectiveInitialMarginFraction_isDydxsAdjustedPpm(
      String name, long lower, long upper, long openNotional, long expectedPpm) {
    BigDecimal imf =
        tier(200_000, lower, upper)
            .effectiveInitialMarginFraction(BigDecimal.valueOf(openNotional));
    assertThat(imf.movePointRight(6).setScale(0, RoundingMode.DOWN))
        .isEqualByComparingTo(BigDecimal.valueOf(expectedPpm));
  }

  @Test
  void theRoundedCase_isExactBeforeDydxsTruncation() {
    // 0.2 + 0.234567 x 0.8 = 0.3876536 exactly (dYdX's comment); dYdX then truncates to 387,653
    // ppm.
    assertThat(
            tier(200_000, 1_000_000, 2_000_000)
                .effectiveInitialMarginFraction(BigDecimal.valueOf(1_234_567)))
        .isEqualByComparingTo("0.3876536");
  }

  /** TestLiquidityTierGetMaintenanceMarginPpm: IMF ppm, maintenance fraction ppm, MMF ppm. */
  @ParameterizedTest
  @CsvSource({
    "150000, 800000, 120000",
    "450000, 770000, 346500",
    "637239, 289284, 184343",
    "1000000, 1000000, 1000000",
    "0, 1000000, 0",
    "0, 0, 0",
    "1000000, 0, 0",
  })
  void maintenanceMarginFraction_isDydxsPpm(long imfPpm, long fractionPpm, long mmfPpm) {
    LiquidityTier t =
        new LiquidityTier(ppm(imfPpm), ppm(fractionPpm), BigDecimal.ZERO, BigDecimal.ZERO);
    // dYdX truncates the product to whole ppm (63.7239% x 28.9284% ~= 18.4343%).
    assertThat(t.maintenanceMarginFraction().movePointRight(6).setScale(0, RoundingMode.DOWN))
        .isEqualByComparingTo(BigDecimal.valueOf(mmfPpm));
  }

  @Test
  void validation_refusesWhatDydxRefuses() {
    // TestLiquidityTierValidate: IMF 1,000,001 ppm, maintenance fraction 1,000,001 ppm, lower cap
    // 1,000,000 above upper cap 500,000 (and above an upper cap of 0).
    assertThatThrownBy(
            () -> new LiquidityTier(ppm(1_000_001), ppm(800_000), BigDecimal.ZERO, BigDecimal.ZERO))
        .hasMessage("initialMarginFraction must be in [0, 1] but was 1.000001");
    assertThatThrownBy(
            () ->
                new LiquidityTier(ppm(1_000_000), ppm(1_000_001), BigDecimal.ZERO, BigDecimal.ZERO))
        .hasMessage("maintenanceFraction must be in [0, 1] but was 1.000001");
    assertThatThrownBy(() -> tier(150_000, 1_000_000, 500_000))
        .hasMessageContaining("openInterestLowerCap 1000000 is above openInterestUpperCap 500000");
    assertThatThrownBy(() -> tier(150_000, 1_000_000, 0))
        .hasMessageContaining("openInterestLowerCap 1000000 is above openInterestUpperCap 0");
    // "Validates successfully": 15% / 80%, caps 0.
    assertThat(
            new LiquidityTier(ppm(150_000), ppm(800_000), BigDecimal.ZERO, BigDecimal.ZERO)
                .maintenanceMarginFraction())
        .isEqualByComparingTo("0.12");
  }

  @Test
  void initialMargin_atMoneyScale_isRoundedUpExactly_neverAboveTheNotional() {
    // IMF 0.2 + 0.8/3 = 7/15 at open notional 1/3 of the band; notional 3 -> IM 1.4 exactly (a
    // decimal approximation of 7/15 would round 1.39999... or 1.40000...1 up to 1.40000001).
    LiquidityTier t = tier(200_000, 0, 3);
    assertThat(t.initialMargin(new BigDecimal("3"), BigDecimal.ONE)).isEqualByComparingTo("1.4");
    assertThat(t.initialMargin(new BigDecimal("3"), new BigDecimal("3"))).isEqualByComparingTo("3");
  }
}
