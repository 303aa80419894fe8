package io.fulcrum.admin.application.monitoring;

import io.fulcrum.engine.backtest.BacktestPortfolio;
import io.fulcrum.engine.backtest.MeasureMarginModel;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.MonitoringDeclaration;
import io.fulcrum.engine.policy.PolicyBundle;
import java.util.Map;

/**
 * A policy version the service monitors: its bundle declares {@code monitoring:}.
 *
 * @param active whether it is the service's active version (else the policy's latest APPROVED)
 */
public record Monitored(
    String policyId, String version, String bundleHash, PolicyBundle bundle, boolean active) {

  public String ref() {
    return policyId + "@" + version;
  }

  public MonitoringDeclaration declaration() {
    return bundle.manifest().monitoring();
  }

  public BacktestPortfolio portfolio() {
    MonitoringDeclaration.Portfolio p = declaration().portfolio();
    return new BacktestPortfolio(
        p.name(),
        p.currency(),
        p.positions().stream()
            .map(h -> new BacktestPortfolio.Holding(h.asset(), h.quantity().doubleValue()))
            .toList());
  }

  /** The monitored margin model, with {@code values} overriding manifest parameters. */
  public MeasureMarginModel model(RiskMeasures measures, Map<String, String> values) {
    return MeasureMarginModel.of(
        measures, declaration().modelParameters(bundle.manifest().parameters(), values));
  }
}
