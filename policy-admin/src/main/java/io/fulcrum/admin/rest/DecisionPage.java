package io.fulcrum.admin.rest;

import java.util.List;

/** One page of a decision list, newest first; {@code total} counts every match. */
public record DecisionPage(List<DecisionSummary> items, int page, int size, long total) {}
