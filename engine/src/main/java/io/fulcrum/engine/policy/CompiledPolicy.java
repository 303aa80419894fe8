package io.fulcrum.engine.policy;

import io.fulcrum.engine.decision.PolicyStamp;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.RiskMeasure;
import java.util.List;
import org.kie.api.KieBase;

/**
 * A bundle ready to evaluate: the rule base, the DMN models and the bound measures. Immutable and
 * shared by all evaluations of that bundle hash (KIE bases and DMN runtimes are thread-safe; each
 * evaluation opens its own session).
 */
public final class CompiledPolicy {

  private final PolicyBundle bundle;
  private final KieBase kieBase;
  private final DmnModels dmn;
  private final List<BoundMeasure> measures;
  private final List<BoundMeasure> active;
  private final java.util.Set<String> globals;
  private final java.util.Map<String, String> ruleLocations;
  private final PolicyVocabulary vocabulary;

  CompiledPolicy(
      PolicyBundle bundle,
      KieBase kieBase,
      DmnModels dmn,
      List<BoundMeasure> measures,
      java.util.Map<String, String> ruleLocations,
      PolicyVocabulary vocabulary) {
    this.bundle = bundle;
    this.vocabulary = vocabulary;
    this.ruleLocations = java.util.Map.copyOf(ruleLocations);
    this.kieBase = kieBase;
    this.dmn = dmn;
    this.measures = List.copyOf(measures);
    this.active = this.measures.stream().filter(BoundMeasure::active).toList();
    java.util.Set<String> names = new java.util.HashSet<>();
    kieBase
        .getKiePackages()
        .forEach(p -> p.getGlobalVariables().forEach(g -> names.add(g.getName())));
    this.globals = java.util.Set.copyOf(names);
  }

  /**
   * The names this policy defines (parameters, metrics, components, flags, rule names), for checks
   * of suites and reports against it.
   */
  public PolicyVocabulary vocabulary() {
    return vocabulary;
  }

  /** Where rule {@code name} is written ({@code file:line}), or {@code "?"} if unknown. */
  public String ruleLocation(String name) {
    return ruleLocations.getOrDefault(name, "?");
  }

  /** Whether the rules declare a global of this name (the engine sets only declared globals). */
  public boolean declaresGlobal(String name) {
    return globals.contains(name);
  }

  /**
   * A manifest measure resolved to its plugin, with validated parameters.
   *
   * @param active whether the binding's {@code when} condition holds for the manifest's parameters;
   *     an inactive measure is never computed
   */
  public record BoundMeasure(
      String name,
      String input,
      RiskMeasure measure,
      MeasureParameters parameters,
      boolean active) {}

  public PolicyBundle bundle() {
    return bundle;
  }

  public PolicyManifest manifest() {
    return bundle.manifest();
  }

  public PolicyStamp stamp() {
    return bundle.stamp();
  }

  public KieBase kieBase() {
    return kieBase;
  }

  public DmnModels dmn() {
    return dmn;
  }

  /** The measures to compute, in manifest order: those whose {@code when} condition holds. */
  public List<BoundMeasure> measures() {
    return active;
  }

  /** Every bound measure in manifest order, including those whose condition does not hold. */
  public List<BoundMeasure> allMeasures() {
    return measures;
  }
}
