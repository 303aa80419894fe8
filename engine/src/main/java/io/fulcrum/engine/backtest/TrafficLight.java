package io.fulcrum.engine.backtest;

/**
 * The Basel traffic light for a breach count: with F the binomial(n, 1 - alpha) cumulative
 * probability of at most x breaches, GREEN when F(x) &lt; 95%, YELLOW when 95% &lt;= F(x) &lt;
 * 99.99%, RED when F(x) &gt;= 99.99%. For n = 250 at 99% this gives green 0-4, yellow 5-9, red 10+
 * breaches, with the plus factors 0.40, 0.50, 0.65, 0.75, 0.85 in yellow and 1 in red. Reference:
 * Basel Committee, "Supervisory framework for the use of backtesting in conjunction with the
 * internal models approach to market risk capital requirements" (1996), Table 2.
 *
 * @param observations n
 * @param breaches x
 * @param confidence alpha
 * @param cumulativeProbability F(x)
 * @param plusFactor the Basel plus factor when n = 250 and alpha = 99%, else NaN
 */
public record TrafficLight(
    Zone zone,
    int observations,
    int breaches,
    double confidence,
    double cumulativeProbability,
    double plusFactor) {

  public enum Zone {
    GREEN,
    YELLOW,
    RED
  }

  public static final double YELLOW_FROM = 0.95;
  public static final double RED_FROM = 0.9999;
  private static final double[] PLUS_FACTORS = {0, 0, 0, 0, 0, 0.40, 0.50, 0.65, 0.75, 0.85};

  public static TrafficLight of(int observations, int breaches, double confidence) {
    Kupiec.requireCounts(observations, breaches, confidence);
    double f =
        Distributions.binomial(observations, 1.0 - confidence).cumulativeProbability(breaches);
    Zone zone = f < YELLOW_FROM ? Zone.GREEN : f < RED_FROM ? Zone.YELLOW : Zone.RED;
    double plus = Double.NaN;
    if (observations == 250 && Math.abs(confidence - 0.99) < 1e-12) {
      plus = breaches < PLUS_FACTORS.length ? PLUS_FACTORS[breaches] : 1.0;
    }
    return new TrafficLight(zone, observations, breaches, confidence, f, plus);
  }
}
