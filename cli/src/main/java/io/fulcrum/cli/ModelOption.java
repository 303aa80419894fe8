package io.fulcrum.cli;

import io.fulcrum.engine.backtest.MarginModel;
import io.fulcrum.engine.backtest.MeasureMarginModel;
import io.fulcrum.engine.backtest.PolicyMarginModel;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * Which margin to test: {@code --policy <id>@<version>} (a policy evaluated on the history up to
 * each day) or {@code --model <measure>} with {@code --param name=value} (a risk-measure plugin on
 * the portfolio's scenario P&amp;L; parameters of {@link MeasureMarginModel}).
 */
public final class ModelOption {

  @Option(
      names = "--policy",
      paramLabel = "ID@VERSION",
      description =
          "Policy version whose margin is tested (needs a policy that uses price history).")
  String policy;

  @Option(
      names = "--model",
      paramLabel = "MEASURE",
      description = "Risk measure as margin model, e.g. fhs-es, historical-es, parametric-var.")
  String model;

  @Option(
      names = "--param",
      paramLabel = "name=value",
      description =
          "Model parameter: confidence, lookback, lambda, mporScaling, buffer, horizonMethod; repeatable.")
  Map<String, String> params = new TreeMap<>();

  /** The model's parameters as given, with the measure name. */
  Map<String, String> parameters() {
    TreeMap<String, String> all = new TreeMap<>(params);
    if (model != null) {
      all.put("measure", model);
    }
    return all;
  }

  @Option(
      names = "--history-days",
      defaultValue = "500",
      paramLabel = "DAYS",
      description =
          "With --policy: days of price history sent with each day's request (default 500).")
  int historyDays;

  MarginModel build(Map<String, String> values, LibraryOption library, String currency) {
    if (policy != null) {
      if (model != null) {
        throw new IllegalArgumentException("give --policy or --model, not both");
      }
      MarginEngine engine = MarginEngine.over(library.library());
      return new PolicyMarginModel(engine.policy(PolicyRef.parse(policy)), currency, historyDays);
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
