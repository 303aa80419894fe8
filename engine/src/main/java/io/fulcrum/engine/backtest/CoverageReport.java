package io.fulcrum.engine.backtest;

import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The statistical verdict on a breach sequence: Kupiec POF, Christoffersen independence and
 * conditional coverage, the Basel traffic light of the last 250 days (or of all days if fewer) and,
 * over every 250-day window, the distribution of breach counts and the worst zone.
 *
 * @param independence null when no breach sequence was given
 * @param conditionalCoverage null when no breach sequence was given
 * @param breachCountDistribution breach count -&gt; number of rolling windows with that count
 */
public record CoverageReport(
    int observations,
    int breaches,
    double confidence,
    double expectedBreaches,
    double breachRate,
    TestResult kupiec,
    TestResult independence,
    TestResult conditionalCoverage,
    TrafficLight trafficLight,
    int windowDays,
    SortedMap<Integer, Integer> breachCountDistribution,
    TrafficLight.Zone worstWindowZone) {

  public static final int BASEL_WINDOW = 250;

  /** Tests from counts alone (no Christoffersen, no windows). */
  public static CoverageReport ofCounts(int observations, int breaches, double confidence) {
    return new CoverageReport(
        observations,
        breaches,
        confidence,
        observations * (1 - confidence),
        breaches / (double) observations,
        Kupiec.test(observations, breaches, confidence),
        null,
        null,
        TrafficLight.of(observations, breaches, confidence),
        0,
        new TreeMap<>(),
        null);
  }

  /** Every test on the breach sequence {@code breach[0..n-1]}, oldest first. */
  public static CoverageReport of(boolean[] breach, double confidence) {
    int n = breach.length;
    if (n < 2) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "observations must be >= 2 but was %d", n));
    }
    int x = 0;
    for (boolean b : breach) {
      x += b ? 1 : 0;
    }
    int window = Math.min(BASEL_WINDOW, n);
    int[] prefix = new int[n + 1];
    for (int t = 0; t < n; t++) {
      prefix[t + 1] = prefix[t] + (breach[t] ? 1 : 0);
    }
    TreeMap<Integer, Integer> distribution = new TreeMap<>();
    int worst = 0;
    for (int end = window; end <= n; end++) {
      int count = prefix[end] - prefix[end - window];
      distribution.merge(count, 1, Integer::sum);
      worst = Math.max(worst, count);
    }
    int last = prefix[n] - prefix[n - window];
    return new CoverageReport(
        n,
        x,
        confidence,
        n * (1 - confidence),
        x / (double) n,
        Kupiec.test(n, x, confidence),
        Christoffersen.independence(breach),
        Christoffersen.conditionalCoverage(breach, confidence),
        TrafficLight.of(window, last, confidence),
        window,
        distribution,
        TrafficLight.of(window, worst, confidence).zone());
  }
}
