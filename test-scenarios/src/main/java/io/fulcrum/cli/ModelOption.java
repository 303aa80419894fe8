package io.fulcrum.cli;

import io.fulcrum.engine.backtest.MarginModel;
import io.fulcrum.engine.backtest.MeasureMarginModel;
import io.fulcrum.engine.measure.RiskMeasures;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * Which margin to test: {@code --policy <id>@<version>} (a policy evaluated on the history up to
 * each day) or {@code --model <measure>} with {@code --param name=value} (a risk-measure plugin on
 * the portfolio's scenario P&amp;L; parameters of {@link MeasureMarginModel}).
 */
public final class ModelOption {

  @Option(names = "--policy", paramLabel = "ID@VERSION",
      description = "Policy version whose margin is tested (needs a policy that uses price history).")
  String policy;

  @Option(names = "--model", paramLabel = "MEASURE",
      description = "Risk measure as margin model, e.g. fhs-es, historical-es, parametric-var.")
  String model;

  @Option(names = "--param", paramLabel = "name=value",
      description = "Model parameter: confidence, lookback, lambda, mporScaling, buffer, horizonMethod; repeatable.")
  Map<String, String> params = new TreeMap<>();

  /** The model's parameters as given, with the measure name. */
  Map<String, String> parameters() {
    TreeMap<String, String> all = new TreeMap<>(params);
    if (model != null) {
      all.put("measure", model);
    }
    return all;
  }

  MarginModel build(Map<String, String> values) {
    if (policy != null) {
      throw new IllegalArgumentException("--policy " + policy + ": policy-driven backtests need a "
          + "policy whose measures read price history (risk-based-im), which this build does not "
          + "have yet; use --model <measure> --param ...");
    }
    if (model == null) {
      throw new IllegalArgumentException("give --policy <id>@<version> or --model <measure>");
    }
    return MeasureMarginModel.of(RiskMeasures.load(), values);
  }

  double confidence(MarginModel m) {
    return m instanceof MeasureMarginModel mm ? mm.confidence() : 0.99;
  }
}
