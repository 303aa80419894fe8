package io.fulcrum.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.ReturnSeries;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.RiskMeasures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * measure}, {@code value}, {@code unit}, {@code inputs}, {@code details}. Exit code 0 on success, 2
 * for a bad measure name, parameter or file.
 */
@Command(
    name = "measure",
    mixinStandardHelpOptions = true,
    description = "Evaluate a risk measure on a returns CSV and print the result as JSON.")
public final class MeasureCommand implements Callable<Integer> {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<name>", description = "Measure, e.g. historical-es.")
  private String name;

  @Option(
      names = "--returns",
      required = true,
      paramLabel = "FILE.csv",
      description = "CSV with a header; returns (fractions, oldest first) in the last column.")
  private Path returns;

  @Option(
      names = "--confidence",
      paramLabel = "A",
      description = "Confidence level alpha in (0,1); the measure's default if absent.")
  private String confidence;

  @Option(
      names = "--param",
      paramLabel = "key=value",
      description = "A measure parameter, e.g. --param horizonDays=2; repeatable.")
  private Map<String, String> params = new TreeMap<>();

  @Override
  public Integer call() throws IOException {
    try {
      RiskMeasure measure = RiskMeasures.load().get(name);
      MeasureResult result =
          measure.evaluate(ReturnSeries.of(ReturnsCsv.read(returns)), parameters());
      spec.commandLine().getOut().println(toJson(result));
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
      all.put("alpha", confidence);
    }
    return new MeasureParameters(all);
  }

  static String toJson(MeasureResult result) throws JsonProcessingException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("measure", result.measure());
    out.put("value", result.value());
    out.put("unit", result.unit());
    out.put("inputs", result.inputs());
    out.put("details", result.details());
    return JSON.writeValueAsString(out);
  }
}
