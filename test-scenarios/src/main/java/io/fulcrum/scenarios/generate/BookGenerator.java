package io.fulcrum.scenarios.generate;

import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.CollateralBalance;
import io.fulcrum.engine.domain.MarginMode;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.domain.Position;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates account {@code i} of a book from the seed and {@code i} alone, so any account can be
 * made on any thread in any order and the book is the same on every run.
 */
public final class BookGenerator {

  private final GeneratorSpec spec;
  private final MarketSnapshot market;
  private final int width;

  public BookGenerator(GeneratorSpec spec, MarketSnapshot market) {
    this.spec = spec;
    this.market = market;
    for (String symbol : spec.instruments()) {
      if (market.findPrice(symbol).isEmpty() || market.findInstrument(symbol).isEmpty()) {
        throw new IllegalArgumentException(
            "generate.instruments: '" + symbol + "' is not defined and priced in the base market");
      }
    }
    this.width = Math.max(6, String.valueOf(Math.max(spec.count() - 1, 0)).length());
  }

  public int size() {
    return spec.count();
  }

  public Account account(int index) {
    SplittableRandom random = new SplittableRandom(mix(spec.seed(), index));
    int count = spec.minPositions() + random.nextInt(spec.maxPositions() - spec.minPositions() + 1);
    List<String> symbols = new ArrayList<>(spec.instruments());
    List<Position> positions = new ArrayList<>();
    double crossInitialMargin = 0;
    for (int k = 0; k < count; k++) {
      String symbol = symbols.remove(random.nextInt(symbols.size()));
      double notional =
          logUniform(random, spec.minNotional().doubleValue(), spec.maxNotional().doubleValue());
      int leverage =
          spec.minLeverage() + random.nextInt(spec.maxLeverage() - spec.minLeverage() + 1);
      boolean isolated = random.nextDouble() < spec.isolatedShare();
      Position p = position(random, symbol, notional, leverage, isolated);
      positions.add(p);
      if (!isolated) {
        crossInitialMargin += notional / leverage;
      }
    }
    double multiple =
        spec.minCollateralMultiple()
            + random.nextDouble() * (spec.maxCollateralMultiple() - spec.minCollateralMultiple());
    BigDecimal wallet =
        BigDecimal.valueOf(crossInitialMargin * multiple).setScale(2, RoundingMode.HALF_EVEN);
    String id = spec.idPrefix() + String.format(java.util.Locale.ROOT, "%0" + width + "d", index);
    return new Account(
        id, positions, List.of(new CollateralBalance(spec.collateralAsset(), wallet)), List.of());
  }

  private Position position(
      SplittableRandom random, String symbol, double notional, int leverage, boolean isolated) {
    BigDecimal mark = market.findPrice(symbol).orElseThrow().mark();
    BigDecimal contractSize = market.findInstrument(symbol).orElseThrow().contractSize();
    BigDecimal unitValue = mark.multiply(contractSize);
    BigDecimal quantity = BigDecimal.valueOf(notional).divide(unitValue, 3, RoundingMode.HALF_EVEN);
    if (quantity.signum() == 0) {
      quantity = new BigDecimal("0.001");
    }
    if (random.nextDouble() < spec.shortShare()) {
      quantity = quantity.negate();
    }
    double u = (random.nextDouble() * 2 - 1) * spec.entrySpread();
    BigDecimal entry = mark.multiply(BigDecimal.valueOf(1 + u)).setScale(2, RoundingMode.HALF_EVEN);
    BigDecimal lev = BigDecimal.valueOf(leverage);
    BigDecimal isolatedMargin = null;
    if (isolated) {
      double cushion = 1 + random.nextDouble() * 0.5;
      isolatedMargin =
          BigDecimal.valueOf(notional / leverage * cushion).setScale(2, RoundingMode.HALF_EVEN);
    }
    return new Position(
        symbol,
        quantity,
        entry,
        isolated ? MarginMode.ISOLATED : MarginMode.CROSS,
        lev,
        isolatedMargin);
  }

  private static double logUniform(SplittableRandom random, double min, double max) {
    return min == max
        ? min
        : Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
  }

  /** SplitMix64 finaliser over seed and index: independent streams per account. */
  static long mix(long seed, long index) {
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
