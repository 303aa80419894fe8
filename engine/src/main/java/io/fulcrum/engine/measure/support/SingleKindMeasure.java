package io.fulcrum.engine.measure.support;

import io.fulcrum.engine.measure.MeasureInput;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.RiskMeasure;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Base of a measure that accepts one {@link MeasureInput} kind: rejects unknown parameters and
 * other kinds (naming the measure), then hands the typed input on. Subclasses are stateless and
 * thread-safe.
 *
 * @param <T> the input kind accepted
 */
public abstract class SingleKindMeasure<T extends MeasureInput> implements RiskMeasure {

  private final String name;
  private final Class<T> kind;
  private final String kindDescription;
  private final SortedSet<String> parameterNames;

  protected SingleKindMeasure(
      String name, Class<T> kind, String kindDescription, Set<String> parameterNames) {
    this.name = name;
    this.kind = kind;
    this.kindDescription = kindDescription;
    this.parameterNames = Collections.unmodifiableSortedSet(new TreeSet<>(parameterNames));
  }

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
    return evaluateOn(MeasureArguments.requireKind(name, input, kind, kindDescription), parameters);
  }

  /** The measure on an input of the accepted kind, parameters already checked by name. */
  protected abstract MeasureResult evaluateOn(T input, MeasureParameters parameters);
}
