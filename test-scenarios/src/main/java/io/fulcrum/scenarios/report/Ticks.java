package io.fulcrum.scenarios.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The labelled ticks of one chart axis: "nice" values and their labels.
 *
 * <p>Numbers ({@link #nice}, {@link #integers}): a step of 1, 2 or 5 times a power of ten, chosen
 * so that the ticks cover the range with about five intervals (so 5 to 8 ticks), the first tick at
 * or below the smallest value and the last at or above the largest. Labels are written with {@code
 * Locale.ROOT} as {@code %,.Nf}: a comma between thousands, a point before the decimals, and as
 * many decimals as the step has (0.2 → one, 2,000 → none), whatever the default locale.
 *
 * <p>Dates ({@link #dates}): ticks inside the range on calendar boundaries (every 1, 2, 7 or 14
 * days, the first of every 1, 2, 3 or 6 months, or the first of January of every 1, 2, 5, 10...
 * years), the step giving the count closest to six; labelled {@code yyyy-MM-dd}, {@code yyyy-MM} or
 * {@code yyyy}. A date tick's value is its epoch day.
 */
public record Ticks(List<Double> values, List<String> labels) {

  private static final int TARGET_INTERVALS = 5;
  private static final int TARGET_DATE_TICKS = 6;
  private static final int[] MANTISSAS = {1, 2, 5};

  public Ticks {
    values = List.copyOf(values);
    labels = List.copyOf(labels);
    if (values.size() != labels.size() || values.isEmpty()) {
      throw new IllegalArgumentException(
          "ticks need one label per value and at least one value, had "
              + values.size()
              + " values and "
              + labels.size()
              + " labels");
    }
  }

  public double first() {
    return values.get(0);
  }

  public double last() {
    return values.get(values.size() - 1);
  }

  /** Ticks covering {@code [lo, hi]}; a single value {@code v} is widened to v ± 10^⌊log10|v|⌋. */
  public static Ticks nice(double lo, double hi) {
    return numbers(lo, hi, false);
  }

  /** As {@link #nice}, with a step of at least 1 (counts). */
  public static Ticks integers(double lo, double hi) {
    return numbers(lo, hi, true);
  }

  private static Ticks numbers(double lo, double hi, boolean integers) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
      throw new IllegalArgumentException(
          "axis range must be finite with min <= max, was [" + lo + ", " + hi + "]");
    }
    if (lo == hi) {
      double widen = lo == 0 ? 1 : Math.pow(10, Math.floor(Math.log10(Math.abs(lo))));
      widen = integers ? Math.max(1, widen) : widen;
      lo -= widen;
      hi += widen;
    }
    int magnitude = (int) Math.floor(Math.log10(hi - lo));
    BigDecimal bestStep = null;
    long bestFrom = 0;
    long bestTo = 0;
    for (int k = magnitude - 2; k <= magnitude + 1; k++) {
      for (int m : MANTISSAS) {
        BigDecimal step = BigDecimal.valueOf(m).scaleByPowerOfTen(k);
        if (integers && step.compareTo(BigDecimal.ONE) < 0) {
          continue;
        }
        double s = step.doubleValue();
        long from = (long) Math.floor(lo / s + 1e-9);
        long to = (long) Math.ceil(hi / s - 1e-9);
        if (bestStep == null || better(to - from, s, bestTo - bestFrom, bestStep.doubleValue())) {
          bestStep = step;
          bestFrom = from;
          bestTo = to;
        }
      }
    }
    int decimals = Math.max(0, bestStep.stripTrailingZeros().scale());
    String format = "%,." + decimals + "f";
    List<Double> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (long i = bestFrom; i <= bestTo; i++) {
      BigDecimal v = bestStep.multiply(BigDecimal.valueOf(i));
      values.add(v.doubleValue());
      labels.add(String.format(Locale.ROOT, format, v));
    }
    return new Ticks(values, labels);
  }

  /** Closer to the target interval count wins; on a tie, the smaller covered range. */
  private static boolean better(long intervals, double step, long bestIntervals, double bestStep) {
    long score = Math.abs(intervals - TARGET_INTERVALS);
    long bestScore = Math.abs(bestIntervals - TARGET_INTERVALS);
    return score < bestScore || (score == bestScore && intervals * step < bestIntervals * bestStep);
  }

  /** Date ticks inside {@code [from, to]} (see the class comment). */
  public static Ticks dates(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("date axis must run forwards, was " + from + " .. " + to);
    }
    long days = ChronoUnit.DAYS.between(from, to);
    Ticks best = null;
    for (DateStep step : DateStep.candidates()) {
      if (days / step.approxDays() > 40) {
        continue; // far too many ticks; skip without listing them
      }
      Ticks t = step.ticks(from, to);
      if (t != null
          && (best == null
              || Math.abs(t.values().size() - TARGET_DATE_TICKS)
                  < Math.abs(best.values().size() - TARGET_DATE_TICKS))) {
        best = t;
      }
    }
    return best != null
        ? best
        : new Ticks(List.of((double) from.toEpochDay()), List.of(from.toString()));
  }

  private record DateStep(ChronoUnit unit, int n) {

    static List<DateStep> candidates() {
      List<DateStep> steps = new ArrayList<>();
      for (int n : new int[] {1, 2, 7, 14}) {
        steps.add(new DateStep(ChronoUnit.DAYS, n));
      }
      for (int n : new int[] {1, 2, 3, 6}) {
        steps.add(new DateStep(ChronoUnit.MONTHS, n));
      }
      for (int n : new int[] {1, 2, 5, 10, 20, 50, 100}) {
        steps.add(new DateStep(ChronoUnit.YEARS, n));
      }
      return steps;
    }

    double approxDays() {
      return n * unit.getDuration().toDays();
    }

    /** The aligned ticks inside the range, or null when there are none. */
    Ticks ticks(LocalDate from, LocalDate to) {
      LocalDate t = first(from);
      List<Double> values = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      DateTimeFormatter format =
          switch (unit) {
            case DAYS -> DateTimeFormatter.ISO_LOCAL_DATE;
            case MONTHS -> DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT);
            default -> DateTimeFormatter.ofPattern("uuuu", Locale.ROOT);
          };
      for (; !t.isAfter(to); t = t.plus(n, unit)) {
        values.add((double) t.toEpochDay());
        labels.add(t.format(format));
      }
      return values.isEmpty() ? null : new Ticks(values, labels);
    }

    /** The first aligned date on or after {@code from}. */
    private LocalDate first(LocalDate from) {
      return switch (unit) {
        case DAYS -> {
          // 1970-01-05 (epoch day 4) is a Monday: weekly steps fall on Mondays
          long offset = n >= 7 ? 4 : 0;
          long r = Math.floorMod(from.toEpochDay() - offset, n);
          yield r == 0 ? from : from.plusDays(n - r);
        }
        case MONTHS -> {
          LocalDate d = from.withDayOfMonth(1);
          if (d.isBefore(from)) {
            d = d.plusMonths(1);
          }
          while ((d.getMonthValue() - 1) % n != 0) {
            d = d.plusMonths(1);
          }
          yield d;
        }
        default -> {
          int year = from.getDayOfYear() == 1 ? from.getYear() : from.getYear() + 1;
          yield LocalDate.of(year + Math.floorMod(-year, n), 1, 1);
        }
      };
    }
  }
}
