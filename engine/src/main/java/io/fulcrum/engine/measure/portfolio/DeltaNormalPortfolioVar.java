package io.fulcrum.engine.measure.portfolio;

import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.MultiAssetPortfolio;
import io.fulcrum.engine.measure.support.Ewma;
import io.fulcrum.engine.measure.support.HoldingPeriod;
import io.fulcrum.engine.measure.support.MeasureArguments;
import io.fulcrum.engine.measure.support.SingleKindMeasure;
import io.fulcrum.engine.measure.support.StandardNormal;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * {@code portfolio-var}: delta-normal VaR of a {@link MultiAssetPortfolio} with money exposures w
 * and a covariance matrix Sigma of daily asset returns (sample or EWMA, see {@link
 * CovarianceMethod}):
 *
 * <pre>
 *   sigma_p = sqrt(w' Sigma w),   VaR = z_alpha sqrt(h) sigma_p
 *   component_j = z_alpha sqrt(h) w_j (Sigma w)_j / sigma_p,   sum_j component_j = VaR
 * </pre>
 *
 * Zero-mean; h = {@code horizonDays} by the square-root-of-time rule. Components are the Euler
 * allocation (they can be negative for hedging positions); with sigma_p = 0 VaR and every component
 * are 0. Units: the portfolio's currency. At least 2 days of history. Reference: P. Jorion, "Value
 * at Risk", 3rd ed. (2007), ch. 7 (component VaR); RiskMetrics Technical Document (1996), section
 * 6.2.
 *
 * <p>Parameters: {@code alpha} (default 0.99), {@code covariance} (sample or ewma, default sample),
 * {@code lambda} (ewma only, default 0.94), {@code horizonDays} (default 1). Stateless;
 * thread-safe.
 */
public final class DeltaNormalPortfolioVar extends SingleKindMeasure<MultiAssetPortfolio> {

  public DeltaNormalPortfolioVar() {
    super(
        "portfolio-var",
        MultiAssetPortfolio.class,
        "a multi-asset portfolio",
        Set.of(
            MeasureArguments.ALPHA, CovarianceMethod.PARAMETER, Ewma.LAMBDA, HoldingPeriod.DAYS));
  }

  @Override
  protected MeasureResult evaluateOn(MultiAssetPortfolio portfolio, MeasureParameters parameters) {
    MeasureArguments.requireObservations("returns", portfolio.days(), 2);
    double alpha = MeasureArguments.alpha(parameters);
    int days = MeasureArguments.positiveInteger(parameters, HoldingPeriod.DAYS, 1);
    TreeMap<String, Object> inputs = new TreeMap<>();
    inputs.put("n", portfolio.days());
    inputs.put("input", portfolio.summary());
    inputs.put(MeasureArguments.ALPHA, alpha);
    inputs.put(HoldingPeriod.DAYS, days);
    inputs.put(HoldingPeriod.METHOD, HoldingPeriod.Method.SQRT_TIME.label());
    RealMatrix sigma =
        CovarianceMethod.from(parameters).estimate(portfolio.returns(), parameters, inputs);
    return result(portfolio, sigma, alpha, days, inputs);
  }

  private MeasureResult result(
      MultiAssetPortfolio portfolio,
      RealMatrix sigma,
      double alpha,
      int days,
      TreeMap<String, Object> inputs) {
    RealVector w = new ArrayRealVector(portfolio.exposures(), false);
    RealVector sigmaW = sigma.operate(w);
    double portfolioSd = Math.sqrt(Math.max(0.0, w.dotProduct(sigmaW)));
    double scale = StandardNormal.quantile(alpha) * Math.sqrt(days);
    TreeMap<String, Object> components = new TreeMap<>();
    List<String> assets = portfolio.assets();
    for (int j = 0; j < assets.size(); j++) {
      double c =
          portfolioSd == 0.0 ? 0.0 : scale * w.getEntry(j) * sigmaW.getEntry(j) / portfolioSd;
      components.put(assets.get(j), c);
    }
    TreeMap<String, Object> details = new TreeMap<>();
    details.put("componentVar", components);
    details.put("portfolioStandardDeviation", portfolioSd);
    return new MeasureResult(name(), scale * portfolioSd, portfolio.currency(), inputs, details);
  }
}
