package io.fulcrum.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.ReturnSeries;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.RiskMeasures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum measure <name> --returns FILE.csv [--confidence A] [--param key=value ...]}:
 * evaluates one risk measure on a returns file and prints the result as JSON (sorted keys): {@code
 * details}, {@code inputs}, {@code measure}, {@code unit}, {@code value}, {@code warnings}. {@code
 * fulcrum measure --list} prints every measure with its parameters, defaults and units. Exit code 0
 * on success (also with warnings), 2 for a bad measure name, parameter or file ({@link ReturnsCsv}
 * states the input rules).
 *
 * <p>Thin data: for a measure with a confidence level c, fewer than {@code 1/(1-c)} observations
 * (after the holding period) leave less than one observation beyond the c-quantile, so the value is
 * the sample's worst loss or an extrapolation, not an estimate of the tail: a warning on stderr and
 * in {@code warnings}.
 */
@Command(
    name = "measure",
    mixinStandardHelpOptions = true,
    description = "Evaluate a risk measure on a returns CSV and print the result as JSON.")
public final class MeasureCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<name>",
      description = "Measure, e.g. historical-es (--list shows them all).")
  private String name;

  @Option(
      names = "--list",
      description = "List every measure with its parameters, defaults and units, then exit.")
  private boolean list;

  @Option(
      names = "--returns",
      paramLabel = "FILE.csv",
      description =
          "Comma-separated, decimal point, optional header; simple returns as fractions"
              + " (0.02 = +2%%, each > -1), oldest first, in the last column.")
  private Path returns;

  @Option(
      names = "--confidence",
      paramLabel = "C",
      description =
          "Confidence level in (0,1), e.g. 0.975; the measure's default (0.99) if absent.")
  private String confidence;

  @Option(
      names = "--param",
      paramLabel = "key=value",
      description = "A measure parameter, e.g. --param horizonDays=2; repeatable.")
  private Map<String, String> params = new TreeMap<>();

  @Override
  public Integer call() throws IOException {
    try {
      if (list) {
        spec.commandLine().getOut().print(MeasureCatalogue.render(RiskMeasures.load()));
        spec.commandLine().getOut().flush();
        return FulcrumCli.OK;
      }
      if (name == null || returns == null) {
        throw new IllegalArgumentException(
            "give a measure name and --returns FILE.csv (or --list to see the measures)");
      }
      RiskMeasure measure = RiskMeasures.load().get(name);
      MeasureParameters parameters = parameters();
      double[] series = ReturnsCsv.read(returns);
      MeasureResult result;
      try {
        result = measure.evaluate(ReturnSeries.of(series), parameters);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(asTyped(e.getMessage(), series.length), e);
      }
      List<String> warnings = thin(measure, result);
      warnings.forEach(w -> spec.commandLine().getErr().println("fulcrum measure: warning: " + w));
      spec.commandLine().getErr().flush();
      spec.commandLine().getOut().println(toJson(result, warnings));
      spec.commandLine().getOut().flush();
      return FulcrumCli.OK;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("fulcrum measure: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return FulcrumCli.BAD_INPUT;
    }
  }

  private MeasureParameters parameters() {
    TreeMap<String, String> all = new TreeMap<>(params);
    if (confidence != null) {
      if (all.containsKey("alpha")) {
        throw new IllegalArgumentException(
            "--confidence and --param alpha must not both be given but were "
                + confidence
                + " and "
                + all.get("alpha"));
      }
      double c;
      try {
        c = Double.parseDouble(confidence.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--confidence must be a number in (0,1) but was '" + confidence + "'");
      }
      if (!(c > 0 && c < 1)) {
        throw new IllegalArgumentException("--confidence must be in (0,1) but was " + confidence);
      }
      all.put("alpha", confidence.trim());
    }
    return new MeasureParameters(all);
  }

  /**
   * The engine's message with the names the user typed: the confidence level is {@code
   * --confidence}, the series is the {@code --returns} file, other settings are {@code --param}.
   */
  private String asTyped(String message, int returnsRead) {
    String option = confidence != null ? "--confidence" : "--param alpha";
    if (message.startsWith("alpha ")) {
      return option + message.substring("alpha".length());
    }
    if (message.startsWith("input must be at least ")) {
      return String.format(
          Locale.ROOT,
          "--returns %s has %d returns but measure '%s' needs %s",
          returns,
          returnsRead,
          name,
          message.substring("input must be ".length()).replaceFirst(" but was .*", ""));
    }
    String first = message.split(" ", 2)[0];
    return params.containsKey(first) ? "--param " + message : message;
  }

  /** The thin-tail warning (see the class comment); empty when the data suffice. */
  static List<String> thin(RiskMeasure measure, MeasureResult result) {
    List<String> warnings = new ArrayList<>();
    Object alpha = result.inputs().get("alpha");
    if (!measure.parameterNames().contains("alpha") || !(alpha instanceof Number a)) {
      return warnings;
    }
    Object used = result.inputs().getOrDefault("observationsUsed", result.inputs().get("n"));
    if (!(used instanceof Number n)) {
      return warnings;
    }
    double c = a.doubleValue();
    double needed = 1.0 / (1.0 - c);
    if (n.doubleValue() < needed - 1e-9) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d observations are thin for confidence %s: fewer than 1/(1-%s) = %s, so less than"
                  + " one observation (%.3g) lies beyond the %s quantile and the value is the"
                  + " sample's worst loss or an extrapolation, not an estimate of the tail",
              n.intValue(),
              stripped(c),
              stripped(c),
              stripped(Math.ceil(needed - 1e-9)),
              n.doubleValue() * (1 - c),
              new java.math.BigDecimal(Double.toString(c))
                      .movePointRight(2)
                      .stripTrailingZeros()
                      .toPlainString()
                  + "%"));
    }
    return warnings;
  }

  private static String stripped(double v) {
    return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  static String toJson(MeasureResult result) throws JsonProcessingException {
    return toJson(result, List.of());
  }

  static String toJson(MeasureResult result, List<String> warnings) throws JsonProcessingException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("measure", result.measure());
    out.put("value", result.value());
    out.put("unit", result.unit());
    out.put("inputs", result.inputs());
    out.put("details", result.details());
    out.put("warnings", warnings);
    // Only maps, lists and scalars (MeasureResult's inputs and details): the report mapper sorts
    // every key.
    return Json.report().writeValueAsString(out);
  }
}
