package io.fulcrum.scenarios.generate;

import java.math.BigDecimal;
import java.util.List;

/**
 * How to generate a book of random portfolios, reproducibly from {@link #seed}.
 *
 * @param count number of accounts
 * @param idPrefix account ids are the prefix and a zero-padded index
 * @param instruments symbols to draw positions on (each must be priced in the base market)
 * @param minPositions fewest positions per account (at least 1)
 * @param maxPositions most positions per account (at most the number of instruments)
 * @param minNotional smallest position notional at the base mark, valuation currency
 * @param maxNotional largest; notionals are log-uniform between the two
 * @param minLeverage lowest chosen leverage (whole numbers, uniform)
 * @param maxLeverage highest
 * @param shortShare probability that a position is short
 * @param isolatedShare probability that a position is isolated
 * @param entrySpread entry price = base mark x (1 + u), u uniform in [-spread, spread]
 * @param collateralAsset the asset the wallet holds
 * @param minCollateralMultiple wallet = initial margin of the cross positions x m, m uniform
 * @param maxCollateralMultiple between the two multiples
 */
public record GeneratorSpec(
    int count,
    long seed,
    String idPrefix,
    List<String> instruments,
    int minPositions,
    int maxPositions,
    BigDecimal minNotional,
    BigDecimal maxNotional,
    int minLeverage,
    int maxLeverage,
    double shortShare,
    double isolatedShare,
    double entrySpread,
    String collateralAsset,
    double minCollateralMultiple,
    double maxCollateralMultiple) {

  public GeneratorSpec {
    instruments = List.copyOf(instruments);
    require(count >= 0, "count must be zero or more but was " + count);
    require(!instruments.isEmpty(), "instruments must list at least one symbol");
    require(
        minPositions >= 1 && minPositions <= maxPositions && maxPositions <= instruments.size(),
        "positions must satisfy 1 <= min <= max <= number of instruments ("
            + instruments.size()
            + ") but were "
            + minPositions
            + ".."
            + maxPositions);
    require(
        minNotional.signum() > 0 && minNotional.compareTo(maxNotional) <= 0,
        "notional must satisfy 0 < min <= max but was " + minNotional + ".." + maxNotional);
    require(
        minLeverage >= 1 && minLeverage <= maxLeverage,
        "leverage must satisfy 1 <= min <= max but was " + minLeverage + ".." + maxLeverage);
    require(
        shortShare >= 0 && shortShare <= 1, "shortShare must be in [0,1] but was " + shortShare);
    require(
        isolatedShare >= 0 && isolatedShare <= 1,
        "isolatedShare must be in [0,1] but was " + isolatedShare);
    require(
        entrySpread >= 0 && entrySpread < 1, "entrySpread must be in [0,1) but was " + entrySpread);
    require(
        minCollateralMultiple > 0 && minCollateralMultiple <= maxCollateralMultiple,
        "collateral multiple must satisfy 0 < min <= max but was "
            + minCollateralMultiple
            + ".."
            + maxCollateralMultiple);
  }

  public GeneratorSpec withCount(int newCount) {
    return new GeneratorSpec(
        newCount,
        seed,
        idPrefix,
        instruments,
        minPositions,
        maxPositions,
        minNotional,
        maxNotional,
        minLeverage,
        maxLeverage,
        shortShare,
        isolatedShare,
        entrySpread,
        collateralAsset,
        minCollateralMultiple,
        maxCollateralMultiple);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
