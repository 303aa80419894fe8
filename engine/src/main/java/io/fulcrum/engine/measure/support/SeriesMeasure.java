package io.fulcrum.engine.measure.support;

import io.fulcrum.engine.measure.MeasureInput;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.RiskMeasure;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Base of the measures computed on one series of outcomes ({@link
 * io.fulcrum.engine.measure.ReturnSeries} or {@link io.fulcrum.engine.measure.PnlVector}). It
 * rejects unknown parameters, reads alpha (when the measure uses it) and the {@link HoldingPeriod},
 * applies the holding period and writes the inputs summary: {@code n}, {@code input}, {@code
 * alpha}, {@code horizonDays}, {@code horizonMethod}, {@code observationsUsed} and whatever the
 * measure adds. Subclasses are stateless and thread-safe.
 */
public abstract class SeriesMeasure implements RiskMeasure {

  private final String name;
  private final int minimumObservations;
  private final boolean usesAlpha;
  private final SortedSet<String> parameterNames;

  /**
   * @param minimumObservations observations the statistic needs (after aggregation)
   * @param usesAlpha whether {@value MeasureArguments#ALPHA} is a parameter
   * @param ownParameters parameters besides alpha and the holding period
   */
  protected SeriesMeasure(
      String name, int minimumObservations, boolean usesAlpha, Set<String> ownParameters) {
    this.name = name;
    this.minimumObservations = minimumObservations;
    this.usesAlpha = usesAlpha;
    TreeSet<String> names = new TreeSet<>(ownParameters);
    names.add(HoldingPeriod.DAYS);
    names.add(HoldingPeriod.METHOD);
    if (usesAlpha) {
      names.add(MeasureArguments.ALPHA);
    }
    this.parameterNames = Collections.unmodifiableSortedSet(names);
  }

  /** {@code names} plus {@code more}, for subclass constructors. */
  protected static Set<String> union(Set<String> names, String... more) {
    TreeSet<String> all = new TreeSet<>(names);
    all.addAll(java.util.List.of(more));
    return all;
  }

  /** What the statistic is given besides the series. */
  public record Context(
      double alpha,
      MeasureParameters parameters,
      SortedMap<String, Object> inputs,
      SortedMap<String, Object> details) {}

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final SortedSet<String> parameterNames() {
    return parameterNames;
  }

  @Override
  public final MeasureResult evaluate(MeasureInput input, MeasureParameters parameters) {
    Objects.requireNonNull(parameters, "parameters");
    parameters.requireOnly(name, parameterNames);
    Observations oneDay = Observations.from(name, input);
    MeasureArguments.requireObservations("input", oneDay.size(), minimumObservations);
    HoldingPeriod holding = HoldingPeriod.from(parameters);
    Context context =
        new Context(
            usesAlpha ? MeasureArguments.alpha(parameters) : Double.NaN,
            parameters,
            new TreeMap<>(),
            new TreeMap<>());
    context.inputs().put("n", oneDay.size());
    context.inputs().put("input", input.summary());
    if (usesAlpha) {
      context.inputs().put(MeasureArguments.ALPHA, context.alpha());
    }
    holding.describe(context.inputs(), oneDay.size());
    Observations prepared = prepare(oneDay, context);
    double value =
        holding.apply(prepared, minimumObservations, series -> statistic(series, context));
    return new MeasureResult(
        name, value, oneDay.kind().unit(), context.inputs(), context.details());
  }

  /**
   * Turns the one-day series into the series the holding period and statistic work on; the default
   * keeps it. Filtered historical simulation rescales here, before aggregation.
   */
  protected Observations prepare(Observations oneDay, Context context) {
    return oneDay;
  }

  /**
   * The measure on {@code series}, called once per evaluation; records every parameter it uses in
   * {@code context.inputs()}.
   */
  protected abstract double statistic(Observations series, Context context);
}
