package io.fulcrum.engine.measure;

import java.util.SortedSet;

/**
 * A numeric risk measure, discovered as a plugin through {@link java.util.ServiceLoader}.
 *
 * <p>To add a measure: implement this interface in a public class with a public no-argument
 * constructor and list its fully qualified name in {@code
 * META-INF/services/io.fulcrum.engine.measure.RiskMeasure} on the classpath. The engine finds it by
 * {@link #name()}; no engine code changes.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #evaluate} is a pure function of its arguments: the same input and parameters give
 *       the same result, bit for bit, so decisions stay reproducible.
 *   <li>Implementations are stateless and thread-safe; one instance serves every policy.
 *   <li>Bad parameters or input (alpha outside (0,1), an empty series, NaN in data, an input kind
 *       the measure does not accept) raise {@link IllegalArgumentException} naming the parameter,
 *       the rule and the value. Parameter names not in {@link #parameterNames()} are rejected by
 *       {@link MeasureParameters#requireOnly}.
 *   <li>The result carries an inputs summary (n, alpha, parameters) so it explains itself.
 * </ul>
 */
public interface RiskMeasure {

  /** Registry name, lower-case with hyphens, e.g. {@code historical-var}. */
  String name();

  /** The parameters this measure accepts; any other name is an error. */
  SortedSet<String> parameterNames();

  /**
   * Computes the measure.
   *
   * @param input the data the measure works on; a measure accepts some {@link MeasureInput} kinds
   *     and rejects the others with {@link IllegalArgumentException}
   * @param parameters validated against {@link #parameterNames()}
   * @return the value and an explanation of how it was obtained
   */
  MeasureResult evaluate(MeasureInput input, MeasureParameters parameters);
}
