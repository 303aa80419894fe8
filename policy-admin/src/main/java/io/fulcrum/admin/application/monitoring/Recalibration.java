package io.fulcrum.admin.application.monitoring;

import io.fulcrum.admin.application.InvalidParameter;
import io.fulcrum.admin.application.PolicyGovernance;
import io.fulcrum.admin.application.PolicyStore;
import io.fulcrum.admin.application.PolicyVersion;
import io.fulcrum.admin.application.marketdata.MarketDataService;
import io.fulcrum.engine.backtest.BacktestSpec;
import io.fulcrum.engine.backtest.DataStamp;
import io.fulcrum.engine.backtest.PricePanel;
import io.fulcrum.engine.calibration.Calibration;
import io.fulcrum.engine.calibration.CalibrationSpec;
import io.fulcrum.engine.calibration.DraftPolicyWriter;
import io.fulcrum.engine.calibration.Objective;
import io.fulcrum.engine.calibration.ParameterRange;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.policy.MonitoringDeclaration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recalibration proposal: {@code fulcrum calibrate}'s search ({@link Calibration}) over the
 * monitored model's window (the last {@code window} margin days of the live data set), varying what
 * {@code monitoring.calibrate.vary} names, within the manifest's {@code bounds:}; the winner is
 * written as the policy's next version with the calibration report as evidence ({@link
 * DraftPolicyWriter#draftFiles}) and stored through the ordinary upload (DRAFT, then VALIDATED when
 * its validation passes), authored by {@code monitor}: it needs an approver (not its author) and an
 * activation like any other version; nothing activates it here.
 */
@ApplicationScoped
public class Recalibration {

  @Inject MonitoringService monitoring;

  @Inject MarketDataService marketData;

  @Inject PolicyGovernance governance;

  @Inject PolicyStore policies;

  /** What a proposal gave: the draft's ref (null when no candidate passed) and the report. */
  public record Proposal(
      String draft, String state, Map<String, String> winner, String report, String summary) {}

  @Transactional
  public Proposal propose(Monitored m, String reason) {
    MonitoringDeclaration d = m.declaration();
    if (d.calibrate() == null || d.calibrate().vary().isEmpty()) {
      throw new InvalidParameter(
          "monitoring.calibrate.vary",
          m.ref() + " declares no monitoring.calibrate.vary: nothing to recalibrate");
    }
    MarketDataSet data =
        marketData
            .load(d.dataSet(), MarketDataService.LATEST)
            .orElseThrow(
                () -> new InvalidParameter("monitoring.dataSet", "no data set " + d.dataSet()));
    MonitoringModelFactory factory = new MonitoringModelFactory(m, monitoring.measures());
    var model = m.model(monitoring.measures(), Map.of());
    PricePanel panel = PricePanel.of(data, m.portfolio().assets());
    List<LocalDate> dates = panel.dates();
    int last = dates.size() - 1 - d.mporDays();
    int first = Math.max(Math.max(model.historyRequired(), 1), last - d.window() + 1);
    if (first >= last) {
      throw new InvalidParameter(
          "monitoring.dataSet", data.ref() + " is too short to calibrate on");
    }
    BacktestSpec base =
        new BacktestSpec(
            m.portfolio(),
            model,
            d.mporDays(),
            model.confidence(),
            dates.get(first),
            dates.get(last));
    List<ParameterRange> ranges = d.calibrate().vary().stream().map(ParameterRange::parse).toList();
    CalibrationSpec spec =
        new CalibrationSpec(
            base, model.confidence(), ranges, Map.of(), Objective.parse(d.calibrate().objective()));
    DataStamp stamp = DataStamp.of(data, panel.notes());
    Calibration.Result result = Calibration.run(panel, stamp, factory, spec);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("data", stamp);
    report.put("policy", m.ref());
    report.put("reason", reason);
    report.put("portfolio", m.portfolio());
    report.put("from", dates.get(first).toString());
    report.put("to", dates.get(last).toString());
    report.put("targetCoverage", model.confidence());
    report.put("objective", d.calibrate().objective());
    report.put("vary", d.calibrate().vary());
    report.put("bounds", factory.bounds());
    report.put("boundsHeld", result.boundsHeld());
    report.put("backtests", result.backtests());
    report.put("winner", result.winner().orElse(null));
    report.put("frontier", result.frontier());
    report.put("candidates", result.candidates());
    String json;
    try {
      json = Json.report().writeValueAsString(report);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    if (result.winner().isEmpty()) {
      return new Proposal(
          null, null, null, json, "no candidate passed: " + result.candidates().size() + " tried");
    }
    Map<String, String> winner = result.winner().get().parameters();
    String next = nextVersion(m.policyId());
    DraftPolicyWriter.InMemoryDraft draft =
        DraftPolicyWriter.draftFiles(
            m.bundle().files(),
            MonitoringService.ref(m),
            next,
            winner,
            json,
            "the service's continuous calibration (" + reason + ")");
    PolicyGovernance.Uploaded up =
        governance.upload(m.policyId(), draft.files(), MonitoringService.MONITOR);
    return new Proposal(
        up.version().ref(),
        up.version().storedState().name(),
        winner,
        json,
        "proposed " + up.version().ref() + " with " + winner);
  }

  private String nextVersion(String policyId) {
    BigInteger max = BigInteger.ZERO;
    for (PolicyVersion v : policies.versions(policyId)) {
      if (v.version().matches("\\d+")) {
        max = max.max(new BigInteger(v.version()));
      }
    }
    return DraftPolicyWriter.nextVersion(max.toString());
  }
}
