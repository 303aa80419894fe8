package io.fulcrum.engine.measure.scenario;

import io.fulcrum.engine.measure.DerivativesPortfolio.OptionRight;
import io.fulcrum.engine.measure.support.StandardNormal;

/**
 * Black-76 value of a European option on a futures price:
 *
 * <pre>
 *   d1 = (ln(F/K) + sigma^2 T / 2) / (sigma sqrt T),   d2 = d1 - sigma sqrt T
 *   call = e^(-rT) (F N(d1) - K N(d2)),   put = e^(-rT) (K N(-d2) - F N(-d1))
 * </pre>
 *
 * F futures price, K strike (same currency), T years, sigma annual volatility (fraction), r
 * continuously compounded rate per year. Per unit of the underlying. Reference: F. Black, "The
 * pricing of commodity contracts", J. Financial Economics 3 (1976) 167-179; J. Hull, "Options,
 * Futures, and Other Derivatives", section "Black's model for valuing futures options" (example: F
 * = K = 20, r = 9%, T = 4/12, sigma = 25%, put = 1.12). Stateless; thread-safe.
 */
public final class Black76 {

  private Black76() {}

  /** The option value; F, K, T and sigma must be positive (the caller validates). */
  public static double price(
      OptionRight right, double forward, double strike, double years, double vol, double rate) {
    return of(right, strike, years, vol, rate).price(forward);
  }

  /** An option's fixed terms, prepared for pricing at many forwards; see {@link Fixed}. */
  public static Fixed of(OptionRight right, double strike, double years, double vol, double rate) {
    double sd = vol * Math.sqrt(years);
    return new Fixed(right == OptionRight.CALL, strike, sd, 0.5 * sd * sd, Math.exp(-rate * years));
  }

  /**
   * Black-76 for one option whose strike, expiry, volatility and rate are fixed: sigma sqrt T,
   * sigma^2 T / 2 and the discount factor are computed once, so a revaluation under a new forward
   * costs one log and two normal cdfs. {@link #price(OptionRight, double, double, double, double,
   * double)} uses it, so both give identical results. Immutable; thread-safe.
   */
  public static final class Fixed {

    private final boolean call;
    private final double strike;
    private final double sd;
    private final double halfVariance;
    private final double discount;

    private Fixed(boolean call, double strike, double sd, double halfVariance, double discount) {
      this.call = call;
      this.strike = strike;
      this.sd = sd;
      this.halfVariance = halfVariance;
      this.discount = discount;
    }

    /** The value per unit of the underlying at futures price {@code forward} &gt; 0. */
    public double price(double forward) {
      double d1 = (Math.log(forward / strike) + halfVariance) / sd;
      double d2 = d1 - sd;
      return call
          ? discount * (forward * StandardNormal.cdf(d1) - strike * StandardNormal.cdf(d2))
          : discount * (strike * StandardNormal.cdf(-d2) - forward * StandardNormal.cdf(-d1));
    }
  }
}
