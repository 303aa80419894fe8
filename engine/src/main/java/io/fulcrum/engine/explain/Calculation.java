package io.fulcrum.engine.explain;

import java.util.SortedMap;

/** An engine calculation the policy relies on (aggregation, liquidation price solver). */
public record Calculation(
    String subject, String name, String formula, SortedMap<String, Object> inputs, Object result)
    implements ExplanationStep {}
