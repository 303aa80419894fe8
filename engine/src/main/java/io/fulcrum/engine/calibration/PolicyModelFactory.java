package io.fulcrum.engine.calibration;

import io.fulcrum.engine.backtest.MarginModel;
import io.fulcrum.engine.backtest.PolicyMarginModel;
import io.fulcrum.engine.policy.BundleReader;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompilationFailed;
import io.fulcrum.engine.policy.PolicyCompiler;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Builds {@link PolicyMarginModel}s from one policy bundle with some manifest values changed: what
 * {@code fulcrum calibrate --policy} varies. Each candidate is the bundle with its manifest edited
 * ({@link ManifestEdit}: {@code <parameter>} or {@code measures.<name>.<setting>}), built in memory
 * with {@link BundleReader#fromFiles} and compiled by the given {@link PolicyCompiler}, which
 * caches per bundle hash and shares the rule base and DMN models between candidates that differ
 * only in the manifest. A value the policy rejects (a measure setting out of range, a compilation
 * problem) is an {@link IllegalArgumentException}, so that candidate fails and the others go on.
 * Thread-safe.
 */
public final class PolicyModelFactory implements ModelFactory {

  private final PolicyBundle base;
  private final PolicyCompiler compiler;
  private final String currency;
  private final int historyDays;
  private final SortedSet<String> paths;

  public PolicyModelFactory(
      PolicyBundle base, PolicyCompiler compiler, String currency, int historyDays) {
    this.base = base;
    this.compiler = compiler;
    this.currency = currency;
    this.historyDays = historyDays;
    this.paths =
        java.util.Collections.unmodifiableSortedSet(
            ManifestEdit.paths(base.manifest(), compiler.measures()));
  }

  /** The manifest's parameters and {@code measures.<name>.<setting>} of its bound measures. */
  @Override
  public SortedSet<String> parameterNames() {
    return paths;
  }

  /** The manifest's bounds: what calibration must stay within. */
  @Override
  public Map<String, io.fulcrum.engine.policy.PolicyManifest.Bound> bounds() {
    return base.manifest().bounds();
  }

  @Override
  public MarginModel create(Map<String, String> values) {
    for (String name : values.keySet()) {
      if (!paths.contains(name)) {
        throw new IllegalArgumentException(
            "policy " + base.stamp().ref() + " has no parameter '" + name + "'; known: " + paths);
      }
    }
    return new PolicyMarginModel(compile(values), currency, historyDays);
  }

  /** The candidate bundle compiled; the base itself when nothing changes. */
  CompiledPolicy compile(Map<String, String> values) {
    try {
      PolicyBundle bundle = base;
      if (!values.isEmpty()) {
        TreeMap<String, byte[]> files = new TreeMap<>(base.files());
        files.put(
            PolicyBundle.MANIFEST,
            ManifestEdit.apply(base.files().get(PolicyBundle.MANIFEST), values));
        bundle = BundleReader.fromFiles(base.stamp().ref() + " with " + values, files);
      }
      return compiler.compile(bundle);
    } catch (PolicyCompilationFailed e) {
      throw new IllegalArgumentException(
          "policy "
              + base.stamp().ref()
              + " with "
              + values
              + " does not compile: "
              + e.getMessage(),
          e);
    }
  }
}
