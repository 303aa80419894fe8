package io.fulcrum.admin.rest;

import java.util.List;

/** Every stored policy version with its state now, and what is active. */
public record PolicyList(ActivePolicy active, List<PolicyVersionView> versions) {}
