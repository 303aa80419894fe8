package io.fulcrum.engine.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fulcrum.engine.liquidation.LiquidationConvention;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code manifest.yaml} of a policy bundle: what the policy is, who owns it, its parameters,
 * the risk measures it calls, the DMN decisions it evaluates and the rule files it runs.
 *
 * @param parameters numbers or text; numbers are read as exact decimals
 * @param measures risk-measure calls, made before any table or rule
 * @param decisions DMN decisions, evaluated per subject before the rules
 * @param rules DRL files and spreadsheet decision tables ({@code *.drl.csv}, {@code *.drl.xlsx})
 * @param tests legacy key of released versions, read by extension: {@code .scesim} files are
 *     scenarios, {@code .json} files smoke requests, anything else evidence
 * @param scenarios Kogito test scenarios ({@code .scesim}) over the DMN models, run by validation
 * @param smoke request files ({@code .json}, the CLI's request format), each decided by validation
 *     and required to succeed
 * @param evidence documents kept and hashed with the bundle (e.g. a calibration report), never
 *     executed
 * @param limits how much one decision may cost ({@link Limits}); defaults when absent
 * @param bounds allowed ranges of numeric values, keyed by the path {@code fulcrum calibrate
 *     --vary} uses: a parameter name or {@code measures.<name>.<setting>} ({@link Bound}); the
 *     manifest's own value must lie inside
 * @param liquidation how the policy's liquidation prices are solved ({@link Liquidation}); absent:
 *     {@link LiquidationConvention#MAINTENANCE_AT_LIQUIDATION}, what every bundle written before
 *     the key existed does
 * @param metrics how decision figures read in the text explanation, by name ({@link
 *     MetricDisplay}); at most one names the status thresholds, which must be numeric parameters
 * @param monitoring the portfolio the service backtests daily ({@link MonitoringDeclaration}), or
 *     null
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PolicyManifest(
    String id,
    String version,
    String title,
    String owner,
    String description,
    SortedMap<String, Object> parameters,
    List<MeasureBinding> measures,
    List<DecisionBinding> decisions,
    List<String> rules,
    List<String> tests,
    List<String> scenarios,
    List<String> smoke,
    List<String> evidence,
    Limits limits,
    Map<String, Bound> bounds,
    Liquidation liquidation,
    Map<String, MetricDisplay> metrics,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        MonitoringDeclaration monitoring) {

  public PolicyManifest {
    require("id", id);
    require("version", version);
    require("title", title);
    require("owner", owner);
    PolicyRef.of(id, version);
    TreeMap<String, Object> params = new TreeMap<>();
    if (parameters != null) {
      parameters.forEach(
          (k, v) -> params.put(k, v instanceof Number n ? new BigDecimal(n.toString()) : v));
    }
    parameters = params;
    measures = measures == null ? List.of() : List.copyOf(measures);
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
    rules = rules == null ? List.of() : List.copyOf(rules);
    tests = tests == null ? List.of() : List.copyOf(tests);
    scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    smoke = smoke == null ? List.of() : List.copyOf(smoke);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    limits = limits == null ? Limits.DEFAULT : limits;
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("rules must list at least one DRL file or decision table");
    }
    bounds = Bound.checked(bounds, parameters, measures);
    liquidation = liquidation == null ? Liquidation.DEFAULT : liquidation;
    metrics = checkedMetrics(metrics, parameters);
    if (monitoring != null) {
      monitoring.modelParameters(parameters, Map.of());
    }
  }

  /** The metric carrying the status thresholds, if one is declared. */
  public java.util.Optional<Map.Entry<String, MetricDisplay>> decidingMetric() {
    return metrics.entrySet().stream().filter(e -> e.getValue().decides()).findFirst();
  }

  private static Map<String, MetricDisplay> checkedMetrics(
      Map<String, MetricDisplay> metrics, Map<String, Object> parameters) {
    if (metrics == null) {
      return java.util.Collections.emptySortedMap();
    }
    TreeMap<String, MetricDisplay> out = new TreeMap<>();
    List<String> deciding = new java.util.ArrayList<>();
    metrics.forEach(
        (name, m) -> {
          if (m == null) {
            throw new IllegalArgumentException("metrics." + name + " is empty");
          }
          for (String level : new String[] {m.liquidation(), m.marginCall()}) {
            if (level != null && !(parameters.get(level) instanceof BigDecimal)) {
              throw new IllegalArgumentException(
                  "metrics."
                      + name
                      + ": threshold parameter '"
                      + level
                      + "' is not a numeric parameter of this manifest");
            }
          }
          if (m.decides()) {
            deciding.add(name);
          }
          out.put(name, m);
        });
    if (deciding.size() > 1) {
      throw new IllegalArgumentException(
          "metrics."
              + deciding.get(1)
              + ": only one metric may name status thresholds, but "
              + deciding
              + " do");
    }
    return java.util.Collections.unmodifiableSortedMap(out);
  }

  /**
   * The scenario files: {@code scenarios}, then the {@code .scesim} files of legacy {@code tests}.
   */
  public List<String> scenarioFiles() {
    return concat(scenarios, tests.stream().filter(t -> t.endsWith(".scesim")).toList());
  }

  /**
   * The smoke request files: {@code smoke}, then the {@code .json} files of legacy {@code tests}.
   */
  public List<String> smokeFiles() {
    return concat(smoke, tests.stream().filter(t -> t.endsWith(".json")).toList());
  }

  /** The evidence files: {@code evidence}, then the other files of legacy {@code tests}. */
  public List<String> evidenceFiles() {
    return concat(
        evidence,
        tests.stream().filter(t -> !t.endsWith(".scesim") && !t.endsWith(".json")).toList());
  }

  /**
   * Every file listed under {@code tests}, {@code scenarios}, {@code smoke} or {@code evidence}.
   */
  public List<String> listedTestFiles() {
    return concat(concat(scenarioFiles(), smokeFiles()), evidenceFiles());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static void require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("manifest field '" + field + "' is required");
    }
  }

  /**
   * A risk measure the policy calls.
   *
   * @param name the name rules see the result under
   * @param measure the plugin's registry name
   * @param input what it is computed on; {@code portfolio} (the account's positions at marks)
   * @param settings the measure's parameters
   * @param when optional condition on the manifest's {@code parameters}: parameter name to the
   *     value it must have (or a list of allowed values), e.g. {@code {antiProcyclicality:
   *     stressed-floor}}; every entry must hold. Evaluated once at compile time: a measure whose
   *     condition fails is never computed (its settings are still validated). Empty: always.
   */
  public record MeasureBinding(
      String name,
      String measure,
      String input,
      Map<String, Object> settings,
      Map<String, Object> when) {
    public MeasureBinding {
      require("measures[].name", name);
      require("measures[].measure", measure);
      input = input == null ? "portfolio" : input;
      settings = settings == null ? Map.of() : Map.copyOf(settings);
      when =
          when == null
              ? Map.of()
              : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(when));
    }
  }

  /**
   * A DMN decision evaluated once per subject.
   *
   * @param model the .dmn file
   * @param decision the decision's name in the model
   * @param subject {@code position} or {@code collateral}
   * @param inputs DMN input data name to the subject's property (e.g. {@code notional})
   */
  public record DecisionBinding(
      String model, String decision, String subject, Map<String, String> inputs) {
    public DecisionBinding {
      require("decisions[].model", model);
      require("decisions[].decision", decision);
      require("decisions[].subject", subject);
      if (!subject.equals("position") && !subject.equals("collateral")) {
        throw new IllegalArgumentException(
            "decisions[].subject must be 'position' or 'collateral' but was '" + subject + "'");
      }
      inputs = inputs == null ? Map.of() : Map.copyOf(new TreeMap<>(inputs));
    }
  }

  /**
   * The manifest's {@code liquidation:} key, e.g. {@code liquidation: {convention:
   * maintenance-at-entry}}.
   *
   * @param convention how {@code liquidation.linear} and {@code liquidation.flat} solve a linear
   *     position's liquidation price; absent: {@link
   *     LiquidationConvention#MAINTENANCE_AT_LIQUIDATION}
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Liquidation(LiquidationConvention convention) {
    /** No {@code liquidation:} key: the Binance convention, as before the key existed. */
    public static final Liquidation DEFAULT = new Liquidation(null);

    public Liquidation {
      convention =
          convention == null ? LiquidationConvention.MAINTENANCE_AT_LIQUIDATION : convention;
    }
  }

  /**
   * The bounds of one decision under this policy; exceeding either fails that decision with a
   * policy error ({@code PolicyEvaluationFailed}), never the process.
   *
   * @param maxRuleFirings rule firings per decision, both phases together (default {@value
   *     #DEFAULT_RULE_FIRINGS}, at most {@value #MAX_RULE_FIRINGS}): a rule that re-fires itself
   *     forever stops here
   * @param timeBudgetMillis wall-clock milliseconds per decision, measures, tables and rules
   *     together (default {@value #DEFAULT_TIME_BUDGET_MILLIS}, at most {@value
   *     #MAX_TIME_BUDGET_MILLIS})
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Limits(Integer maxRuleFirings, Integer timeBudgetMillis) {
    public static final int DEFAULT_RULE_FIRINGS = 100_000;
    public static final int MAX_RULE_FIRINGS = 10_000_000;
    public static final int DEFAULT_TIME_BUDGET_MILLIS = 10_000;
    public static final int MAX_TIME_BUDGET_MILLIS = 60_000;
    public static final Limits DEFAULT = new Limits(null, null);

    public Limits {
      maxRuleFirings =
          bounded("limits.maxRuleFirings", maxRuleFirings, DEFAULT_RULE_FIRINGS, MAX_RULE_FIRINGS);
      timeBudgetMillis =
          bounded(
              "limits.timeBudgetMillis",
              timeBudgetMillis,
              DEFAULT_TIME_BUDGET_MILLIS,
              MAX_TIME_BUDGET_MILLIS);
    }

    private static Integer bounded(String field, Integer value, int fallback, int max) {
      if (value == null) {
        return fallback;
      }
      if (value < 1 || value > max) {
        throw new IllegalArgumentException(
            "manifest field '" + field + "' must be in [1, " + max + "] but was " + value);
      }
      return value;
    }
  }

  /**
   * The allowed range of one numeric manifest value: {@code min} and/or {@code max}, or instead of
   * {@code min} a regulatory {@code floor} with its {@code citation}. Both ends are inclusive. In
   * YAML, under the manifest's {@code bounds:} key:
   *
   * <pre>
   * bounds:
   *   apcBufferRate: {floor: 0.25, max: 1, citation: "EMIR RTS 153/2013 art. 28(1)(a)"}
   *   measures.fhsEs.lambda: {min: 0.9, max: 0.995}
   * </pre>
   *
   * {@code fulcrum calibrate} never proposes a value outside and says which bound held it.
   */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record Bound(BigDecimal min, BigDecimal max, BigDecimal floor, String citation) {

    public Bound {
      if (min == null && max == null && floor == null) {
        throw new IllegalArgumentException(
            "a bound needs min, max or floor (its keys: min, max, floor, citation)");
      }
      if (min != null && floor != null) {
        throw new IllegalArgumentException("a bound has min or floor (a cited min), not both");
      }
      if (floor != null && (citation == null || citation.isBlank())) {
        throw new IllegalArgumentException(
            "a floor needs its citation (the rule that sets it), e.g. citation: \"EMIR RTS"
                + " 153/2013 art. 28(1)(a)\"");
      }
      if (floor == null && citation != null) {
        throw new IllegalArgumentException("citation belongs to a floor; give floor: <value>");
      }
      BigDecimal lower = min != null ? min : floor;
      if (lower != null && max != null && lower.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            "lower bound " + lower.toPlainString() + " is above max " + max.toPlainString());
      }
    }

    /** The lower end, min or floor; null when unbounded below. */
    public BigDecimal lower() {
      return min != null ? min : floor;
    }

    /** How the lower end reads in messages: "floor 0.25 (EMIR ...)" or "min 0.5". */
    public String lowerText() {
      return floor != null
          ? "floor " + floor.toPlainString() + " (" + citation + ")"
          : "min " + min.toPlainString();
    }

    /** Why {@code value} lies outside, e.g. "below its floor 0.25 (EMIR ...)"; empty if inside. */
    public java.util.Optional<String> violation(BigDecimal value) {
      if (lower() != null && value.compareTo(lower()) < 0) {
        return java.util.Optional.of("below its " + lowerText());
      }
      if (max != null && value.compareTo(max) > 0) {
        return java.util.Optional.of("above its max " + max.toPlainString());
      }
      return java.util.Optional.empty();
    }

    static Map<String, Bound> checked(
        Map<String, Bound> bounds, Map<String, Object> parameters, List<MeasureBinding> measures) {
      if (bounds == null) {
        return java.util.Collections.emptySortedMap();
      }
      TreeMap<String, Bound> out = new TreeMap<>();
      bounds.forEach(
          (path, bound) -> {
            if (bound == null) {
              throw new IllegalArgumentException("bounds." + path + " is empty");
            }
            Object value = valueAt(path, parameters, measures);
            BigDecimal number;
            try {
              number = new BigDecimal(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException(
                  "bounds." + path + ": " + path + " is not a number ('" + value + "')");
            }
            bound
                .violation(number)
                .ifPresent(
                    why -> {
                      throw new IllegalArgumentException(
                          "bounds."
                              + path
                              + ": "
                              + path
                              + " = "
                              + number.toPlainString()
                              + " is "
                              + why);
                    });
            out.put(path, bound);
          });
      return java.util.Collections.unmodifiableSortedMap(out);
    }

    private static Object valueAt(
        String path, Map<String, Object> parameters, List<MeasureBinding> measures) {
      if (parameters.containsKey(path)) {
        return parameters.get(path);
      }
      String[] parts = path.split("\\.", 3);
      if (parts.length == 3 && parts[0].equals("measures")) {
        for (MeasureBinding m : measures) {
          if (m.name().equals(parts[1]) && m.settings().containsKey(parts[2])) {
            return m.settings().get(parts[2]);
          }
        }
      }
      throw new IllegalArgumentException(
          "bounds."
              + path
              + " names no parameter and no measure setting the manifest sets (give a parameter"
              + " name, or measures.<name>.<setting> of a setting written under that measure)");
    }
  }
}
