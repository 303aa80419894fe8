package io.fulcrum.engine.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The manifest's optional {@code monitoring:} key: the portfolio whose margin the service backtests
 * every day on a named market data set (issue #19, continuous calibration). YAML:
 *
 * <pre>
 * monitoring:
 *   dataSet: btc-usd-daily            # a data set name: the service's latest version is used
 *   portfolio: {name: btc-1-long, currency: USD, positions: [{asset: BTC, quantity: 1}]}
 *   model: {measure: historical-var, confidence: $varConfidence, lookback: $lookback}
 *   mporDays: 1                       # default 1
 *   window: 250                       # rolling window of the traffic light, default 250
 *   calibrate:                        # what a recalibration proposal varies (manifest parameters)
 *     vary: ["varConfidence=0.99,0.995,0.999"]
 *     objective: min-average-margin
 * </pre>
 *
 * {@code model} holds the parameters of the engine's measure margin model (those of {@code fulcrum
 * backtest --model}: measure, confidence, lookback, lambda, mporScaling, buffer, horizonMethod); a
 * value written {@code $name} is the manifest parameter {@code name}, so a calibration that changes
 * the parameter (within its {@code bounds:}) changes the monitored margin. The coverage level of
 * the tests and the traffic light is the model's confidence.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record MonitoringDeclaration(
    String dataSet,
    Portfolio portfolio,
    SortedMap<String, Object> model,
    Integer mporDays,
    Integer window,
    Calibrate calibrate) {

  public static final int DEFAULT_WINDOW = 250;

  public MonitoringDeclaration {
    if (dataSet == null || dataSet.isBlank() || dataSet.contains("@")) {
      throw new IllegalArgumentException(
          "monitoring.dataSet must name a market data set (no @version) but was " + dataSet);
    }
    Objects.requireNonNull(portfolio, "monitoring.portfolio is required");
    if (model == null || !model.containsKey("measure")) {
      throw new IllegalArgumentException("monitoring.model must name a measure");
    }
    model = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(model));
    mporDays = mporDays == null ? 1 : mporDays;
    window = window == null ? DEFAULT_WINDOW : window;
    if (mporDays < 1) {
      throw new IllegalArgumentException("monitoring.mporDays must be >= 1 but was " + mporDays);
    }
    if (window < 2) {
      throw new IllegalArgumentException("monitoring.window must be >= 2 but was " + window);
    }
  }

  /** The portfolio held unchanged: signed quantities per asset. */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Portfolio(String name, String currency, List<Holding> positions) {
    public Portfolio {
      if (name == null || currency == null || positions == null || positions.isEmpty()) {
        throw new IllegalArgumentException(
            "monitoring.portfolio needs name, currency and at least one position");
      }
      positions = List.copyOf(positions);
    }
  }

  /** One position. */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Holding(String asset, BigDecimal quantity) {
    public Holding {
      if (asset == null || quantity == null || quantity.signum() == 0) {
        throw new IllegalArgumentException(
            "monitoring.portfolio.positions[] needs an asset and a non-zero quantity");
      }
    }
  }

  /** What a recalibration varies: {@code name=range} as {@code fulcrum calibrate --vary}. */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Calibrate(List<String> vary, String objective) {
    public Calibrate {
      vary = vary == null ? List.of() : List.copyOf(vary);
      objective = objective == null ? "min-average-margin" : objective;
    }
  }

  /**
   * The model parameters with every {@code $name} replaced by the manifest parameter's value
   * (overridden by {@code values}, e.g. a calibration candidate's), as text.
   */
  public SortedMap<String, String> modelParameters(
      Map<String, Object> parameters, Map<String, String> values) {
    TreeMap<String, String> out = new TreeMap<>();
    model.forEach(
        (k, v) -> {
          String text = String.valueOf(v);
          if (text.startsWith("$")) {
            String name = text.substring(1);
            if (values.containsKey(name)) {
              text = values.get(name);
            } else if (parameters.containsKey(name)) {
              Object p = parameters.get(name);
              text = p instanceof BigDecimal b ? b.toPlainString() : String.valueOf(p);
            } else {
              throw new IllegalArgumentException(
                  "monitoring.model." + k + " names parameter '" + name + "', which is not set");
            }
          } else if (v instanceof BigDecimal b) {
            text = b.toPlainString();
          }
          out.put(k, text);
        });
    return out;
  }

  /** The manifest parameters the model refers to ({@code $name}). */
  public List<String> referencedParameters() {
    List<String> names = new ArrayList<>();
    model.values().stream()
        .map(String::valueOf)
        .filter(t -> t.startsWith("$"))
        .forEach(t -> names.add(t.substring(1)));
    return names;
  }
}
