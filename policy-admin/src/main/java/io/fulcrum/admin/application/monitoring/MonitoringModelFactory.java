package io.fulcrum.admin.application.monitoring;

import io.fulcrum.engine.backtest.MarginModel;
import io.fulcrum.engine.calibration.ModelFactory;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.PolicyManifest.Bound;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Calibration candidates of a monitored policy: its monitoring model with the manifest parameters
 * it refers to ({@code $name}) changed, within the manifest's {@code bounds:}.
 */
final class MonitoringModelFactory implements ModelFactory {

  private final Monitored monitored;
  private final RiskMeasures measures;

  MonitoringModelFactory(Monitored monitored, RiskMeasures measures) {
    this.monitored = monitored;
    this.measures = measures;
  }

  @Override
  public SortedSet<String> parameterNames() {
    return new TreeSet<>(monitored.declaration().referencedParameters());
  }

  @Override
  public MarginModel create(Map<String, String> values) {
    return monitored.model(measures, values);
  }

  @Override
  public Map<String, Bound> bounds() {
    return monitored.bundle().manifest().bounds();
  }
}
