package io.fulcrum.engine.backtest;

import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.PnlVector;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.RiskMeasures;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A margin model on one risk-measure plugin: on day t the measure is evaluated on the portfolio's
 * scenario P&amp;L over the last {@code lookback} days (today's exposures times each past day's
 * asset returns) for a holding period of the MPOR, and
 *
 * <pre>
 *   margin_t = max(0, (1 + buffer) x mporScaling x measure(pnl_{t-L+1..t}; alpha, h = MPOR))
 * </pre>
 *
 * Parameters (names as given to {@link #of}): {@code measure} (registry name, default fhs-es),
 * {@code confidence} (alpha, default 0.99), {@code lookback} (days, default 500), {@code lambda}
 * (EWMA decay, only for measures that take it, default the measure's), {@code mporScaling}
 * (multiplier, default 1), {@code buffer} (add-on fraction, default 0), {@code horizonMethod}
 * (sqrt-time or overlapping, default sqrt-time). Immutable; thread-safe.
 */
public final class MeasureMarginModel implements MarginModel {

  public static final SortedSet<String> PARAMETERS =
      new TreeSet<>(
          java.util.List.of(
              "measure",
              "confidence",
              "lookback",
              "lambda",
              "mporScaling",
              "buffer",
              "horizonMethod"));

  private final RiskMeasure measure;
  private final SortedMap<String, Object> parameters;
  private final double confidence;
  private final int lookback;
  private final double scaling;
  private final double buffer;
  private final Map<String, String> measureSettings;

  private MeasureMarginModel(
      RiskMeasure measure,
      SortedMap<String, Object> parameters,
      double confidence,
      int lookback,
      double scaling,
      double buffer,
      Map<String, String> settings) {
    this.measure = measure;
    this.parameters = parameters;
    this.confidence = confidence;
    this.lookback = lookback;
    this.scaling = scaling;
    this.buffer = buffer;
    this.measureSettings = settings;
  }

  /** Validates {@code values} (names in {@link #PARAMETERS}) and builds the model. */
  public static MeasureMarginModel of(RiskMeasures measures, Map<String, String> values) {
    MeasureParameters p = new MeasureParameters(new TreeMap<>(values));
    p.requireOnly("margin model", PARAMETERS);
    RiskMeasure measure = measures.get(p.text("measure", "fhs-es"));
    double confidence = p.number("confidence", 0.99);
    require(confidence > 0 && confidence < 1, "confidence", "in (0,1)", confidence);
    int lookback = p.integer("lookback", 500);
    require(lookback >= 2, "lookback", ">= 2 days", lookback);
    double scaling = p.number("mporScaling", 1.0);
    require(scaling > 0, "mporScaling", "> 0", scaling);
    double buffer = p.number("buffer", 0.0);
    require(buffer >= 0, "buffer", ">= 0", buffer);
    TreeMap<String, String> settings = new TreeMap<>();
    settings.put("alpha", Double.toString(confidence));
    settings.put("horizonMethod", p.text("horizonMethod", "sqrt-time"));
    if (p.has("lambda")) {
      if (!measure.parameterNames().contains("lambda")) {
        throw new IllegalArgumentException(
            "lambda is not a parameter of measure '"
                + measure.name()
                + "'; its parameters are "
                + measure.parameterNames());
      }
      double lambda = p.number("lambda", 0.94);
      require(lambda > 0 && lambda < 1, "lambda", "in (0,1)", lambda);
      settings.put("lambda", Double.toString(lambda));
    }
    TreeMap<String, Object> all = new TreeMap<>();
    all.put("measure", measure.name());
    all.put("confidence", confidence);
    all.put("lookback", lookback);
    all.put("mporScaling", scaling);
    all.put("buffer", buffer);
    all.put("horizonMethod", settings.get("horizonMethod"));
    if (settings.containsKey("lambda")) {
      all.put("lambda", Double.parseDouble(settings.get("lambda")));
    }
    return new MeasureMarginModel(
        measure,
        java.util.Collections.unmodifiableSortedMap(all),
        confidence,
        lookback,
        scaling,
        buffer,
        settings);
  }

  private static void require(boolean ok, String name, String rule, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be %s but was %s", name, rule, value));
    }
  }

  @Override
  public String description() {
    return String.format(
        Locale.ROOT,
        "%s %.4g%% over %d days x%.4g +%.4g%% buffer",
        measure.name(),
        confidence * 100,
        lookback,
        scaling,
        buffer * 100);
  }

  @Override
  public SortedMap<String, Object> parameters() {
    return parameters;
  }

  @Override
  public int historyRequired() {
    return lookback;
  }

  public double confidence() {
    return confidence;
  }

  @Override
  public double margin(HistoryView history, double[] quantities, int mporDays) {
    TreeMap<String, String> settings = new TreeMap<>(measureSettings);
    settings.put("horizonDays", Integer.toString(mporDays));
    double pnlMeasure =
        measure
            .evaluate(
                new PnlVector(history.scenarioPnl(quantities, lookback)),
                new MeasureParameters(settings))
            .value();
    return Math.max(0.0, (1.0 + buffer) * scaling * pnlMeasure);
  }
}
