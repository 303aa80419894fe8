package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.ShadowDifference;
import java.util.List;

/** One page of live decisions whose shadow evaluation differed, newest first. */
public record ShadowDifferencePage(List<ShadowDifference> items, int page, int size, long total) {}
