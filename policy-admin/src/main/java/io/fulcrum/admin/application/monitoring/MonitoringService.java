package io.fulcrum.admin.application.monitoring;

import io.fulcrum.admin.application.PolicyEngine;
import io.fulcrum.admin.application.PolicyEvent.Action;
import io.fulcrum.admin.application.PolicyState;
import io.fulcrum.admin.application.PolicyStore;
import io.fulcrum.admin.application.PolicyStore.Change;
import io.fulcrum.admin.application.PolicyStore.NewEvent;
import io.fulcrum.admin.application.PolicyVersion;
import io.fulcrum.admin.application.ServiceClock;
import io.fulcrum.admin.application.marketdata.MarketDataService;
import io.fulcrum.admin.application.monitoring.MonitoringStore.Alert;
import io.fulcrum.admin.application.monitoring.MonitoringStore.Result;
import io.fulcrum.engine.backtest.Backtest;
import io.fulcrum.engine.backtest.BacktestResult;
import io.fulcrum.engine.backtest.BacktestSpec;
import io.fulcrum.engine.backtest.CoverageReport;
import io.fulcrum.engine.backtest.DataStamp;
import io.fulcrum.engine.backtest.MeasureMarginModel;
import io.fulcrum.engine.backtest.PricePanel;
import io.fulcrum.engine.backtest.TrafficLight;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.BundleReader;
import io.fulcrum.engine.policy.MonitoringDeclaration;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Continuous monitoring (issue #19): for each monitored policy version, the backtest of its
 * monitoring portfolio on each new margin day of its data set, with the rolling-window statistics,
 * stored once per (policy, version, day), and an alert for each breach and zone change.
 *
 * <p>Conventions (the engine's {@link Backtest}): margin day t's margin comes from the closes up to
 * and including t; its loss is V(t) - V(t+h) of the fixed portfolio (h = {@code mporDays}); a
 * breach is loss &gt; margin (a loss equal to the margin is covered). The result of margin day t
 * exists once the close of t + h is stored. The window is the last {@code window} margin days up to
 * and including t (fewer at the start); traffic light, Kupiec and Christoffersen are computed on it
 * at the model's confidence ({@link CoverageReport}, {@link TrafficLight}), procyclicality over it.
 * The first run of a version backfills the {@code window} latest margin days without alerts; every
 * later day is live: a breach, or a zone different from the previous day's, raises an alert.
 */
@ApplicationScoped
public class MonitoringService {

  static final String MONITOR = "monitor";
  private static final Logger LOG = Logger.getLogger(MonitoringService.class.getName());
  static final String MEMBER = ManagementFactory.getRuntimeMXBean().getName();

  @Inject MonitoringStore store;

  @Inject PolicyStore policies;

  @Inject PolicyEngine engine;

  @Inject MarketDataService marketData;

  @Inject ServiceClock clock;

  private final RiskMeasures measures = RiskMeasures.load();

  RiskMeasures measures() {
    return measures;
  }

  /**
   * The policy versions monitored now: per policy id, the service's active version if it is of that
   * policy, else the latest APPROVED version; those whose bundle declares {@code monitoring:}.
   */
  public List<Monitored> monitored() {
    String activeRef = engine.activeRef();
    Map<String, PolicyVersion> chosen = new TreeMap<>();
    Map<String, Boolean> active = new TreeMap<>();
    for (PolicyVersion v : policies.versions(null)) {
      if (v.ref().equals(activeRef)) {
        chosen.put(v.policyId(), v);
        active.put(v.policyId(), true);
      } else if (v.storedState() == PolicyState.APPROVED && !active.containsKey(v.policyId())) {
        chosen.put(v.policyId(), v);
      }
    }
    List<Monitored> out = new ArrayList<>();
    for (PolicyVersion v : chosen.values()) {
      Monitored m = load(v, active.containsKey(v.policyId()));
      if (m.declaration() != null) {
        out.add(m);
      }
    }
    return out;
  }

  public Optional<Monitored> monitored(String policyId) {
    return monitored().stream().filter(m -> m.policyId().equals(policyId)).findFirst();
  }

  Monitored load(PolicyVersion v, boolean active) {
    PolicyBundle bundle = BundleReader.fromFiles(v.ref(), policies.files(v.bundleHash()));
    return new Monitored(v.policyId(), v.version(), v.bundleHash(), bundle, active);
  }

  /** The spec of the monitoring backtest over the whole panel. */
  static BacktestSpec spec(Monitored m, MeasureMarginModel model) {
    return new BacktestSpec(
        m.portfolio(), model, m.declaration().mporDays(), model.confidence(), null, null);
  }

  /**
   * Computes the days of {@code m} not stored yet, holding the policy's lock row (so in a cluster
   * one member does it and the others then find the days stored). Returns the days computed.
   */
  @Transactional
  public List<String> compute(Monitored m) {
    String now = clock.instant().toString();
    store.lock(m.policyId(), MEMBER, now);
    MonitoringDeclaration d = m.declaration();
    Optional<MarketDataSet> found = marketData.load(d.dataSet(), MarketDataService.LATEST);
    if (found.isEmpty()) {
      return List.of();
    }
    MarketDataSet data = found.get();
    MeasureMarginModel model = m.model(measures, Map.of());
    BacktestSpec spec = spec(m, model);
    PricePanel panel = PricePanel.of(data, m.portfolio().assets());
    List<LocalDate> dates = panel.dates();
    int h = d.mporDays();
    int earliest = Math.max(model.historyRequired(), 1);
    int last = dates.size() - 1 - h;
    if (last < earliest) {
      return List.of();
    }
    List<Result> previous = store.lastResults(m.policyId(), m.version(), d.window());
    int first;
    boolean backfill;
    if (previous.isEmpty()) {
      first = Math.max(earliest, last - d.window() + 1);
      backfill = true;
    } else {
      LocalDate after = LocalDate.parse(previous.get(previous.size() - 1).day());
      first = last + 1;
      for (int t = earliest; t <= last; t++) {
        if (dates.get(t).isAfter(after)) {
          first = t;
          break;
        }
      }
      backfill = false;
    }
    List<Backtest.Day> window = new ArrayList<>();
    for (Result r : previous) {
      window.add(
          new Backtest.Day(
              LocalDate.parse(r.day()),
              r.margin(),
              r.loss(),
              r.value(),
              r.value(),
              r.grossExposure(),
              r.normalisedPnl(),
              r.breach()));
    }
    String zone = previous.isEmpty() ? null : previous.get(previous.size() - 1).zone();
    DataStamp stamp = DataStamp.of(data, panel.notes());
    List<String> computed = new ArrayList<>();
    for (int t = first; t <= last; t++) {
      Backtest.Day day = Backtest.day(panel, spec, dates.get(t));
      window.add(day);
      if (window.size() > d.window()) {
        window.remove(0);
      }
      Result r = result(m, data, spec, stamp, window, day, backfill, now);
      store.insert(r);
      if (!backfill) {
        alerts(m, r, zone, now);
      }
      zone = r.zone();
      computed.add(r.day());
    }
    if (!computed.isEmpty()) {
      LOG.info(
          () ->
              "monitoring "
                  + m.ref()
                  + " on "
                  + data.ref()
                  + ": "
                  + computed.size()
                  + " day(s) "
                  + computed.get(0)
                  + " .. "
                  + computed.get(computed.size() - 1)
                  + (previous.isEmpty() ? " (backfill)" : ""));
    }
    return computed;
  }

  static Result result(
      Monitored m,
      MarketDataSet data,
      BacktestSpec spec,
      DataStamp stamp,
      List<Backtest.Day> window,
      Backtest.Day day,
      boolean backfill,
      String now) {
    double confidence = spec.confidence();
    int n = window.size();
    int x = (int) window.stream().filter(Backtest.Day::breach).count();
    TrafficLight light;
    CoverageReport tests;
    Double peakToTrough;
    double oneDay = 0;
    double windowIncrease = 0;
    if (n >= 2) {
      BacktestResult r = Backtest.summarise(stamp, spec, window);
      tests = r.tests();
      light = tests.trafficLight();
      double p = r.procyclicality().peakToTrough();
      peakToTrough = Double.isFinite(p) ? p : null;
      oneDay = r.procyclicality().largestOneDayIncrease().amount();
      windowIncrease = r.procyclicality().largestWindowIncrease().amount();
    } else {
      tests = CoverageReport.ofCounts(n, x, confidence);
      light = tests.trafficLight();
      peakToTrough = day.margin() > 0 ? 1.0 : null;
    }
    return new Result(
        m.policyId(),
        m.version(),
        day.date().toString(),
        data.name(),
        data.version(),
        data.hash(),
        day.margin(),
        day.loss(),
        day.value(),
        day.grossExposure(),
        day.normalisedPnl(),
        day.breach(),
        n,
        x,
        confidence,
        light.zone().name(),
        light.cumulativeProbability(),
        tests.kupiec().statistic(),
        tests.kupiec().pValue(),
        tests.independence() == null ? 0.0 : tests.independence().statistic(),
        tests.independence() == null ? 1.0 : tests.independence().pValue(),
        tests.conditionalCoverage() == null ? 0.0 : tests.conditionalCoverage().statistic(),
        tests.conditionalCoverage() == null ? 1.0 : tests.conditionalCoverage().pValue(),
        peakToTrough,
        oneDay,
        windowIncrease,
        backfill,
        MEMBER,
        now);
  }

  private void alerts(Monitored m, Result r, String previousZone, String now) {
    List<Alert> raised = new ArrayList<>();
    if (r.breach()) {
      raised.add(
          alert(
              m,
              r,
              "BREACH",
              previousZone,
              String.format(
                  Locale.ROOT,
                  "%s breach on %s: loss %.2f > margin %.2f %s (%d breach(es) in the last %d"
                      + " days, %s)",
                  m.ref(),
                  r.day(),
                  r.loss(),
                  r.margin(),
                  m.declaration().portfolio().currency(),
                  r.windowBreaches(),
                  r.windowDays(),
                  r.zone()),
              true,
              now));
    }
    if (previousZone != null && !previousZone.equals(r.zone())) {
      boolean worse =
          TrafficLight.Zone.valueOf(r.zone()).compareTo(TrafficLight.Zone.valueOf(previousZone))
              > 0;
      raised.add(
          alert(
              m,
              r,
              "ZONE_CHANGE",
              previousZone,
              String.format(
                  Locale.ROOT,
                  "%s traffic light %s -> %s on %s: %d breach(es) in the last %d days at %.4g%%"
                      + " (cumulative binomial probability %.6f)%s",
                  m.ref(),
                  previousZone,
                  r.zone(),
                  r.day(),
                  r.windowBreaches(),
                  r.windowDays(),
                  r.confidence() * 100,
                  r.cumulativeProbability(),
                  worse ? "; a recalibration proposal follows" : ""),
              !worse,
              now));
    }
    for (Alert a : raised) {
      store.insert(a);
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("alert", a.id());
      detail.put("kind", a.kind());
      detail.put("day", a.day());
      detail.put("fromZone", a.fromZone());
      detail.put("toZone", a.toZone());
      detail.put("windowBreaches", r.windowBreaches());
      detail.put("windowDays", r.windowDays());
      detail.put("dataSet", r.dataSet() + "@" + r.dataSetVersion());
      policies.record(
          new Change(
              null,
              null,
              List.of(
                  new NewEvent(
                      Action.ALERT,
                      m.policyId(),
                      m.version(),
                      m.bundleHash(),
                      null,
                      a.detail(),
                      Json.canonical(detail))),
              MONITOR,
              clock.instant()));
    }
  }

  private static Alert alert(
      Monitored m,
      Result r,
      String kind,
      String from,
      String detail,
      boolean proposalDone,
      String now) {
    return new Alert(
        m.ref() + "/" + r.day() + "/" + kind,
        m.policyId(),
        m.version(),
        r.day(),
        kind,
        from,
        r.zone(),
        detail,
        now,
        null,
        0,
        null,
        null,
        proposalDone);
  }

  /** Results of a version in [from, to] (ISO days, null = open). */
  public List<Result> results(String policyId, String version, String from, String to) {
    return store.results(policyId, version, from, to);
  }

  public List<Alert> alerts(String policyId) {
    return store.alerts(policyId);
  }

  /** The monitored versions whose latest result is in the red zone, as {@code id@version}. */
  public List<String> redPolicies() {
    List<String> red = new ArrayList<>();
    for (Monitored m : monitored()) {
      List<Result> last = store.lastResults(m.policyId(), m.version(), 1);
      if (!last.isEmpty() && TrafficLight.Zone.RED.name().equals(last.get(0).zone())) {
        red.add(m.ref());
      }
    }
    return red;
  }

  static PolicyRef ref(Monitored m) {
    return PolicyRef.of(m.policyId(), m.version());
  }
}
