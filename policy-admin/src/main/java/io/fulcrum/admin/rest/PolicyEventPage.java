package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.PolicyEvent;
import java.util.List;

/** One page of audited lifecycle events across policies, newest first. */
public record PolicyEventPage(List<PolicyEvent> items, int page, int size, long total) {}
