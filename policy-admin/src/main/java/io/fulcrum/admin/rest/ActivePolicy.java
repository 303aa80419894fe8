package io.fulcrum.admin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The service clock's now, the version active at that instant, the activations scheduled after it,
 * and the shadow setting (absent when none is attached).
 */
public record ActivePolicy(
    Instant now,
    String active,
    List<Scheduled> scheduled,
    @JsonInclude(JsonInclude.Include.NON_NULL) Shadow shadow) {

  /** An activation that takes effect later (fields alphabetical, as the map this replaced). */
  public record Scheduled(Instant effectiveAt, String policy) {}

  /**
   * The shadow candidate, the active version it is attached to, whether it is evaluated now (its
   * active version is still active) and its tolerance (fields alphabetical, as before).
   */
  public record Shadow(String attachedTo, String candidate, boolean evaluating, String tolerance) {}
}
