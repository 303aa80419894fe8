package io.fulcrum.engine.calibration;

import io.fulcrum.engine.calibration.Calibration.BoundHeld;
import io.fulcrum.engine.policy.PolicyManifest.Bound;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How a calibration stays within the manifest's bounds ({@code bounds:}, {@link Bound}): grid
 * values outside a bound are backtested but excluded from the winner and the frontier; a continuous
 * search interval is clipped to the bound before the search; fixed values outside are an error. It
 * also writes what held: which bound, the values it excluded, and what the best excluded candidate
 * would have given. Stateless.
 */
final class CalibrationBounds {

  private CalibrationBounds() {}

  /** Why {@code name = value} lies outside its bound, e.g. "apcBufferRate 0 is below ...". */
  static Optional<String> broken(String name, String value, Map<String, Bound> bounds) {
    Bound b = bounds.get(name);
    if (b == null) {
      return Optional.empty();
    }
    BigDecimal v;
    try {
      v = new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      return Optional.of(name + " '" + value + "' is not a number, but it has bounds");
    }
    return b.violation(v).map(why -> name + " " + value + " is " + why);
  }

  /** Every bound a candidate's parameters break. */
  static List<String> broken(Map<String, String> parameters, Map<String, Bound> bounds) {
    List<String> out = new ArrayList<>();
    parameters.forEach((k, v) -> broken(k, v, bounds).ifPresent(out::add));
    return out;
  }

  /** A continuous range cut to its bound; records the cut in {@code held}. */
  static ParameterRange clip(ParameterRange r, Map<String, Bound> bounds, List<BoundHeld> held) {
    Bound b = bounds.get(r.name());
    if (b == null) {
      return r;
    }
    BigDecimal lo = new BigDecimal(r.values().get(0));
    BigDecimal hi = new BigDecimal(r.values().get(1));
    BigDecimal newLo = b.lower() != null && b.lower().compareTo(lo) > 0 ? b.lower() : lo;
    BigDecimal newHi = b.max() != null && b.max().compareTo(hi) < 0 ? b.max() : hi;
    if (newLo.compareTo(newHi) >= 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "range of %s %s..%s lies outside its bounds (%s%s)",
              r.name(),
              lo.toPlainString(),
              hi.toPlainString(),
              b.lower() == null ? "no lower bound" : b.lowerText(),
              b.max() == null ? "" : ", max " + b.max().toPlainString()));
    }
    List<String> cut = new ArrayList<>();
    List<String> which = new ArrayList<>();
    if (newLo.compareTo(lo) != 0) {
      cut.add(lo.toPlainString() + ".." + newLo.toPlainString());
      which.add(b.lowerText());
    }
    if (newHi.compareTo(hi) != 0) {
      cut.add(newHi.toPlainString() + ".." + hi.toPlainString());
      which.add("max " + b.max().toPlainString());
    }
    if (cut.isEmpty()) {
      return r;
    }
    held.add(
        new BoundHeld(
            r.name(),
            String.join(", ", which),
            cut,
            String.format(
                Locale.ROOT,
                "%s held by its %s: searched %s..%s instead of %s..%s",
                r.name(),
                String.join(" and ", which),
                newLo.toPlainString(),
                newHi.toPlainString(),
                lo.toPlainString(),
                hi.toPlainString())));
    return new ParameterRange(
        r.name(), List.of(newLo.toPlainString(), newHi.toPlainString()), true);
  }

  /** For each bounded grid parameter that excluded candidates: what held and what it cost. */
  static List<BoundHeld> held(
      List<ParameterRange> ranges,
      Map<String, Bound> bounds,
      List<Candidate> all,
      Optional<Candidate> winner,
      Optional<Candidate> unboundedBest,
      Objective objective) {
    List<BoundHeld> out = new ArrayList<>();
    for (ParameterRange r : ranges) {
      Bound b = bounds.get(r.name());
      if (b == null || r.continuous()) {
        continue;
      }
      TreeSet<BigDecimal> below = new TreeSet<>();
      TreeSet<BigDecimal> above = new TreeSet<>();
      int belowCount = 0;
      int aboveCount = 0;
      for (Candidate c : all) {
        String v = c.parameters().get(r.name());
        if (v == null || broken(r.name(), v, bounds).isEmpty()) {
          continue;
        }
        BigDecimal x = new BigDecimal(v.trim());
        if (b.lower() != null && x.compareTo(b.lower()) < 0) {
          below.add(x);
          belowCount++;
        } else {
          above.add(x);
          aboveCount++;
        }
      }
      if (below.isEmpty() && above.isEmpty()) {
        continue;
      }
      List<String> which = new ArrayList<>();
      List<String> parts = new ArrayList<>();
      if (!below.isEmpty()) {
        which.add(b.lowerText());
        parts.add(belowCount + " candidate(s) below it excluded (" + plain(below) + ")");
      }
      if (!above.isEmpty()) {
        which.add("max " + b.max().toPlainString());
        parts.add(aboveCount + " candidate(s) above max excluded (" + plain(above) + ")");
      }
      List<String> excluded = new ArrayList<>();
      below.forEach(x -> excluded.add(x.toPlainString()));
      above.forEach(x -> excluded.add(x.toPlainString()));
      StringBuilder statement =
          new StringBuilder(r.name())
              .append(" held by its ")
              .append(String.join(" and ", which))
              .append(": ")
              .append(String.join("; ", parts));
      if (unboundedBest.isPresent()
          && !unboundedBest.get().withinBounds()
          && excluded.contains(
              new BigDecimal(unboundedBest.get().parameters().get(r.name()).trim())
                  .toPlainString())) {
        Candidate u = unboundedBest.get();
        statement
            .append(
                String.format(
                    Locale.ROOT,
                    "; without the bound %s would win with %s ",
                    u.parameters(),
                    objective.label().replace("min-", "").replace('-', ' ')))
            .append(number(objective.of(u)));
        winner.ifPresent(w -> statement.append(" instead of ").append(number(objective.of(w))));
      }
      out.add(new BoundHeld(r.name(), String.join(", ", which), excluded, statement.toString()));
    }
    return out;
  }

  private static String plain(TreeSet<BigDecimal> values) {
    return String.join(", ", values.stream().map(BigDecimal::toPlainString).toList());
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.2f" : "%.4g", v);
  }
}
