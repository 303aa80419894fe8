package io.fulcrum.engine.explain;

import java.math.BigDecimal;
import java.util.SortedMap;

/** A risk-measure plugin call: parameters, inputs summary and result. */
public record MeasureCalled(
    String subject,
    String measure,
    String as,
    SortedMap<String, String> parameters,
    SortedMap<String, Object> inputs,
    BigDecimal value,
    String unit,
    SortedMap<String, Object> details)
    implements ExplanationStep {}
