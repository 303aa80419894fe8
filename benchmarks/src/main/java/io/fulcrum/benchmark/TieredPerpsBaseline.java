package io.fulcrum.benchmark;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.Rounding;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * tiered-perps v1 written by hand in plain Java, no rules engine: the baseline the benchmark
 * compares the engine against, and an independent implementation the engine's results are checked
 * against (same bracket table, formulas and rounding; one cross position per account).
 */
public final class TieredPerpsBaseline {

  /** BTCUSDT brackets: floor, maintenance margin rate, maintenance amount, max leverage. */
  private static final BigDecimal[][] BRACKETS = {
    row("0", "0.004", "0", "125"),
    row("50000", "0.005", "50", "100"),
    row("250000", "0.01", "1300", "50"),
    row("1000000", "0.025", "16300", "20"),
    row("10000000", "0.05", "266300", "10"),
    row("20000000", "0.10", "1266300", "5"),
    row("50000000", "0.125", "2516300", "4"),
    row("100000000", "0.15", "5016300", "3"),
    row("200000000", "0.25", "25016300", "2"),
    row("300000000", "0.50", "100016300", "1"),
  };

  private static final BigDecimal CAP = new BigDecimal("500000000");
  private static final BigDecimal CALL = new BigDecimal("0.8");

  private TieredPerpsBaseline() {}

  /** The figures the policy decides for one cross position. */
  public record Result(
      BigDecimal initialMargin,
      BigDecimal maintenanceMargin,
      BigDecimal marginBalance,
      BigDecimal marginRatio,
      BigDecimal liquidationPrice,
      DecisionStatus status) {}

  private static BigDecimal[] row(String floor, String rate, String amount, String leverage) {
    return new BigDecimal[] {
      new BigDecimal(floor), new BigDecimal(rate), new BigDecimal(amount), new BigDecimal(leverage)
    };
  }

  /** Binary search for the bracket of a notional; null above the last cap. */
  static BigDecimal[] bracket(BigDecimal notional) {
    if (notional.compareTo(CAP) >= 0) {
      return null;
    }
    int lo = 0;
    int hi = BRACKETS.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (BRACKETS[mid][0].compareTo(notional) <= 0) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return BRACKETS[lo];
  }

  public static Result decide(
      BigDecimal wallet,
      BigDecimal quantity,
      BigDecimal entry,
      BigDecimal mark,
      BigDecimal leverage) {
    BigDecimal size = quantity.abs();
    BigDecimal side = BigDecimal.valueOf(quantity.signum());
    BigDecimal notional = size.multiply(mark);
    BigDecimal[] b = bracket(notional);
    BigDecimal lev = leverage == null || leverage.compareTo(b[3]) > 0 ? b[3] : leverage;
    BigDecimal im = Rounding.requirement(notional.divide(lev, MathContext.DECIMAL128));
    BigDecimal mm = Rounding.requirement(notional.multiply(b[1]).subtract(b[2]));
    BigDecimal upnl = side.multiply(size).multiply(mark.subtract(entry));
    BigDecimal balance = wallet.add(upnl);
    BigDecimal ratio =
        balance.signum() > 0 ? Rounding.ratio(mm.divide(balance, MathContext.DECIMAL128)) : null;
    DecisionStatus status =
        ratio == null && mm.signum() > 0
            ? DecisionStatus.LIQUIDATE
            : ratio != null && ratio.compareTo(BigDecimal.ONE) >= 0
                ? DecisionStatus.LIQUIDATE
                : ratio != null && ratio.compareTo(CALL) >= 0
                    ? DecisionStatus.MARGIN_CALL
                    : DecisionStatus.OK;
    return new Result(
        im,
        mm,
        Rounding.money(balance),
        ratio,
        liquidationPrice(wallet, side, size, entry, b),
        status);
  }

  private static BigDecimal liquidationPrice(
      BigDecimal wallet, BigDecimal side, BigDecimal size, BigDecimal entry, BigDecimal[] b) {
    BigDecimal lp = null;
    for (int round = 0; round < 12; round++) {
      lp =
          wallet
              .add(b[2])
              .subtract(side.multiply(size).multiply(entry))
              .divide(size.multiply(b[1]).subtract(side.multiply(size)), MathContext.DECIMAL128);
      if (lp.signum() <= 0) {
        return null;
      }
      BigDecimal[] at = bracket(size.multiply(lp));
      if (at == null || at == b) {
        break;
      }
      b = at;
    }
    return Rounding.price(lp);
  }
}
