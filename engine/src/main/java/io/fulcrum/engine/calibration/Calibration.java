package io.fulcrum.engine.calibration;

import io.fulcrum.engine.backtest.Backtest;
import io.fulcrum.engine.backtest.BacktestResult;
import io.fulcrum.engine.backtest.DataStamp;
import io.fulcrum.engine.backtest.PricePanel;
import io.fulcrum.engine.backtest.TrafficLight;
import io.fulcrum.engine.policy.PolicyManifest.Bound;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Calibrates a margin model: backtests every point of the grid (the cartesian product of the
 * discrete ranges) and, when one range is continuous, searches it per grid point with a Commons
 * Math {@link BrentOptimizer} on the penalised objective {@code objective / objective(grid
 * midpoint) + 100 max(0, target - coverage) + (fails ? 1 : 0)}. A candidate passes when its
 * coverage meets the target, Kupiec does not reject it at 5% for too many breaches and its traffic
 * light is not red, and it lies within the manifest's bounds ({@link CalibrationBounds}: a
 * continuous search is clipped to them, grid points outside are backtested but excluded and
 * reported). (Kupiec is two-sided; a rejection for too few breaches means an over-conservative
 * margin, which the objective already penalises, so it does not disqualify.) The winner is the
 * passing candidate with the lowest objective; the frontier is the candidates no other beats on
 * both average margin and coverage. Stateless.
 */
public final class Calibration {

  static final int BRENT_EVALUATIONS = 25;

  private Calibration() {}

  /** The outcome: every candidate tried, the frontier and the winner if any passes. */
  public record Result(
      CalibrationSpec spec,
      List<Candidate> candidates,
      List<Candidate> frontier,
      Optional<Candidate> winner,
      int backtests,
      double seconds,
      List<BoundHeld> boundsHeld) {}

  /**
   * A manifest bound that kept candidates out.
   *
   * @param parameter the path, e.g. {@code apcBufferRate}
   * @param bound how it reads, e.g. {@code floor 0.25 (EMIR RTS 153/2013 art. 28(1)(a))}
   * @param excluded the values of that parameter tried and excluded (grid) or cut off (search)
   * @param statement one sentence for people: what held and what it cost
   */
  public record BoundHeld(String parameter, String bound, List<String> excluded, String statement) {
    public BoundHeld {
      excluded = List.copyOf(excluded);
    }
  }

  /** Told after each backtest; for a progress bar. */
  @FunctionalInterface
  public interface Listener {
    void backtested(Candidate candidate);
  }

  /** The most backtests {@code spec} can take (grid points, times the search's evaluations). */
  public static long plannedBacktests(CalibrationSpec spec) {
    long n = 1;
    for (ParameterRange r : spec.ranges()) {
      n *= r.continuous() ? BRENT_EVALUATIONS + 1 : r.values().size();
    }
    return n;
  }

  public static Result run(
      PricePanel panel, DataStamp data, ModelFactory factory, CalibrationSpec spec) {
    return run(panel, data, factory, spec, c -> {});
  }

  public static Result run(
      PricePanel panel,
      DataStamp data,
      ModelFactory factory,
      CalibrationSpec spec,
      Listener listener) {
    for (ParameterRange r : spec.ranges()) {
      if (!factory.parameterNames().contains(r.name())) {
        throw new IllegalArgumentException(
            "unknown parameter '" + r.name() + "'; known: " + factory.parameterNames());
      }
    }
    long start = System.nanoTime();
    Map<String, Bound> bounds = factory.bounds();
    spec.fixed()
        .forEach(
            (name, value) ->
                CalibrationBounds.broken(name, value, bounds)
                    .ifPresent(
                        why -> {
                          throw new IllegalArgumentException("--param " + why);
                        }));
    List<BoundHeld> held = new ArrayList<>();
    List<ParameterRange> ranges =
        spec.ranges().stream()
            .map(r -> r.continuous() ? CalibrationBounds.clip(r, bounds, held) : r)
            .toList();
    List<ParameterRange> discrete = ranges.stream().filter(r -> !r.continuous()).toList();
    Optional<ParameterRange> continuous =
        ranges.stream().filter(ParameterRange::continuous).findFirst();
    List<Candidate> all = new ArrayList<>();
    for (SortedMap<String, String> point : grid(discrete, new TreeMap<>(spec.fixed()))) {
      if (continuous.isPresent()) {
        List<Candidate> found = search(panel, data, factory, spec, point, continuous.get());
        found.forEach(listener::backtested);
        all.addAll(found);
      } else {
        Candidate c = evaluate(panel, data, factory, spec, point, "grid");
        listener.backtested(c);
        all.add(c);
      }
    }
    all.replaceAll(c -> c.withOutsideBounds(CalibrationBounds.broken(c.parameters(), bounds)));
    Comparator<Candidate> best = Comparator.comparingDouble(spec.objective()::of);
    Optional<Candidate> winner = all.stream().filter(Candidate::eligible).min(best);
    List<Candidate> admissible =
        all.stream().filter(c -> !Double.isNaN(c.averageMargin()) && c.withinBounds()).toList();
    List<Candidate> frontier =
        admissible.stream()
            .filter(c -> admissible.stream().noneMatch(o -> o.dominates(c)))
            .sorted(Comparator.comparingDouble(Candidate::averageMargin))
            .toList();
    held.addAll(
        CalibrationBounds.held(
            ranges,
            bounds,
            all,
            winner,
            all.stream().filter(Candidate::passes).min(best),
            spec.objective()));
    return new Result(
        spec, all, frontier, winner, all.size(), (System.nanoTime() - start) / 1e9, held);
  }

  static List<SortedMap<String, String>> grid(
      List<ParameterRange> ranges, SortedMap<String, String> base) {
    List<SortedMap<String, String>> points = new ArrayList<>();
    points.add(base);
    for (ParameterRange r : ranges) {
      List<SortedMap<String, String>> next = new ArrayList<>();
      for (SortedMap<String, String> p : points) {
        for (String v : r.values()) {
          TreeMap<String, String> q = new TreeMap<>(p);
          q.put(r.name(), v);
          next.add(q);
        }
      }
      points = next;
    }
    return points;
  }

  static Candidate evaluate(
      PricePanel panel,
      DataStamp data,
      ModelFactory factory,
      CalibrationSpec spec,
      SortedMap<String, String> point,
      String search) {
    BacktestResult r;
    try {
      r =
          Backtest.run(
              panel, data, spec.backtest().withModel(factory.create(point), spec.targetCoverage()));
    } catch (IllegalArgumentException e) {
      return Candidate.failed(point, e.getMessage(), search);
    }
    List<String> reasons = new ArrayList<>();
    if (r.coverageRatio() < spec.targetCoverage()) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "coverage %.4f below target %.4f",
              r.coverageRatio(),
              spec.targetCoverage()));
    }
    if (r.tests().kupiec().rejectedAt5Percent()
        && r.tests().breaches() > r.tests().expectedBreaches()) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "Kupiec rejected with too many breaches (p = %.4g)",
              r.tests().kupiec().pValue()));
    }
    if (r.tests().trafficLight().zone() == TrafficLight.Zone.RED) {
      reasons.add("red traffic light");
    }
    return new Candidate(
        point,
        r.averageMargin(),
        r.peakMargin(),
        r.coverageRatio(),
        r.breaches().size(),
        r.tests().kupiec().pValue(),
        r.tests().trafficLight().zone().name(),
        r.procyclicality().peakToTrough(),
        reasons.isEmpty(),
        reasons,
        search,
        List.of());
  }

  private static List<Candidate> search(
      PricePanel panel,
      DataStamp data,
      ModelFactory factory,
      CalibrationSpec spec,
      SortedMap<String, String> point,
      ParameterRange range) {
    List<Candidate> tried = new ArrayList<>();
    Candidate mid =
        evaluate(
            panel,
            data,
            factory,
            spec,
            with(point, range.name(), (range.lower() + range.upper()) / 2),
            "brent");
    tried.add(mid);
    double scale =
        Double.isNaN(mid.averageMargin())
            ? 1.0
            : Math.max(1e-12, Math.abs(spec.objective().of(mid)));
    UnivariateObjectiveFunction f =
        new UnivariateObjectiveFunction(
            x -> {
              Candidate c =
                  evaluate(panel, data, factory, spec, with(point, range.name(), x), "brent");
              tried.add(c);
              if (Double.isNaN(c.averageMargin())) {
                return 1e6;
              }
              return spec.objective().of(c) / scale
                  + 100 * Math.max(0, spec.targetCoverage() - c.coverageRatio())
                  + (c.passes() ? 0 : 1);
            });
    try {
      new BrentOptimizer(1e-3, 1e-6 * Math.max(1, Math.abs(range.upper())))
          .optimize(
              new MaxEval(BRENT_EVALUATIONS),
              f,
              GoalType.MINIMIZE,
              new SearchInterval(range.lower(), range.upper()));
    } catch (TooManyEvaluationsException e) {
      // keep the points tried: the best passing one is still a valid candidate
    }
    return tried;
  }

  private static SortedMap<String, String> with(
      SortedMap<String, String> point, String name, double x) {
    TreeMap<String, String> q = new TreeMap<>(point);
    q.put(name, String.format(Locale.ROOT, "%.6g", x));
    return q;
  }
}
