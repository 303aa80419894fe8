package io.fulcrum.engine.measure.position;

import io.fulcrum.engine.measure.MeasureInput;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.PortfolioExposure;
import io.fulcrum.engine.measure.RiskMeasure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code gross-notional}: the sum of |quantity| x contract size x mark over the positions, and the
 * net (signed) notional, in the settlement currency. The simplest position-based measure; policies
 * use it for exposure limits and effective leverage.
 *
 * <p>Parameters: {@code scale} (optional, default 1), a multiplier applied to the gross value, e.g.
 * a flat margin rate. Empty portfolio: 0. Exact decimal arithmetic; the double result is the
 * decimal rounded to the nearest double. Thread-safe.
 */
public final class GrossNotional implements RiskMeasure {

  @Override
  public String name() {
    return "gross-notional";
  }

  @Override
  public SortedSet<String> parameterNames() {
    return new TreeSet<>(List.of("scale"));
  }

  @Override
  public MeasureResult evaluate(MeasureInput input, MeasureParameters parameters) {
    parameters.requireOnly(name(), parameterNames());
    if (!(input instanceof PortfolioExposure portfolio)) {
      throw new IllegalArgumentException(
          "gross-notional needs the positions of a portfolio but was given " + input.summary());
    }
    BigDecimal scale = new BigDecimal(parameters.text("scale", "1"));
    if (scale.signum() < 0) {
      throw new IllegalArgumentException(
          "scale must not be negative but was " + scale.toPlainString());
    }
    BigDecimal gross = BigDecimal.ZERO;
    BigDecimal net = BigDecimal.ZERO;
    List<String> instruments = new ArrayList<>();
    for (PortfolioExposure.Exposure e : portfolio.exposures()) {
      BigDecimal signed = e.signedNotional();
      gross = gross.add(signed.abs());
      net = net.add(signed);
      instruments.add(e.instrument());
    }
    BigDecimal value = gross.multiply(scale);
    Map<String, Object> inputs = new TreeMap<>();
    inputs.put("n", portfolio.exposures().size());
    inputs.put("scale", scale.toPlainString());
    MeasureResult base =
        MeasureResult.of(name(), value.doubleValue(), "settlement currency", inputs);
    TreeMap<String, Object> details = new TreeMap<>();
    details.put("gross", gross.stripTrailingZeros().toPlainString());
    details.put("net", net.stripTrailingZeros().toPlainString());
    details.put("instruments", instruments);
    return new MeasureResult(base.measure(), base.value(), base.unit(), base.inputs(), details);
  }
}
