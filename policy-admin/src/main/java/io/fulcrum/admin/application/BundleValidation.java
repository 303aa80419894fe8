package io.fulcrum.admin.application;

import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.BundleValidator;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompiler;
import java.time.Instant;

/**
 * The service's upload validation: the engine's {@link BundleValidator}, the same checks as {@code
 * fulcrum validate} (location, compilation with the policy sandbox and name checks, decision-table
 * analysis, the bundle's Kogito {@code .scesim} scenarios and its smoke requests, within the
 * policy's rule firing limit and time budget), turned into the stored {@link ValidationReport}. The
 * report never carries text produced by policy code (the engine names a failing rule by file and
 * line with the exception's class).
 */
final class BundleValidation {

  private BundleValidation() {}

  static ValidationReport validate(
      PolicyCompiler compiler,
      MarketDataSets marketData,
      PolicyBundle bundle,
      BundleValidator.Location location,
      Instant at) {
    BundleValidator.Report r = new BundleValidator(compiler, marketData).validate(bundle, location);
    return new ValidationReport(
        r.policy(), r.bundleHash(), r.passed(), r.checks(), r.errors(), at, r.warnings());
  }
}
