package io.fulcrum.admin.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which version is active when: the activations (and rollbacks) in effective-time order. The active
 * version at an instant is the last activation effective at or before it (ties broken by chain
 * order), so a scheduled activation takes over at its instant with no timer and no restart.
 */
public final class ActivationTimeline {

  /**
   * One activation: {@code ref} is active from {@code effectiveAt}; {@code sequence} orders ties.
   */
  public record Activation(String ref, Instant effectiveAt, long sequence, boolean rollback) {}

  private static final Comparator<Activation> ORDER =
      Comparator.comparing(Activation::effectiveAt).thenComparingLong(Activation::sequence);

  private final List<Activation> activations;

  private ActivationTimeline(List<Activation> activations) {
    this.activations = activations.stream().sorted(ORDER).toList();
  }

  public static ActivationTimeline of(List<Activation> activations) {
    return new ActivationTimeline(activations);
  }

  /** The version active at {@code at}, if any activation is effective by then. */
  public Optional<String> activeAt(Instant at) {
    return lastUpTo(at).map(Activation::ref);
  }

  /** Activations effective after {@code at} (scheduled), in order. */
  public List<Activation> scheduledAfter(Instant at) {
    return activations.stream().filter(a -> a.effectiveAt().isAfter(at)).toList();
  }

  /**
   * The version a rollback at {@code at} re-activates: the one active before the current version
   * took over (skipping earlier periods of the current version itself).
   */
  public Optional<String> previousAt(Instant at) {
    Optional<Activation> current = lastUpTo(at);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    List<Activation> past = activations.stream().filter(a -> !a.effectiveAt().isAfter(at)).toList();
    for (int i = past.size() - 1; i >= 0; i--) {
      if (!past.get(i).ref().equals(current.get().ref())) {
        return Optional.of(past.get(i).ref());
      }
    }
    return Optional.empty();
  }

  /** Whether {@code ref} was ever active up to {@code at} (for RETIRED). */
  public boolean wasActiveBy(String ref, Instant at) {
    return activations.stream().anyMatch(a -> a.ref().equals(ref) && !a.effectiveAt().isAfter(at));
  }

  public List<Activation> activations() {
    return activations;
  }

  private Optional<Activation> lastUpTo(Instant at) {
    Activation last = null;
    for (Activation a : activations) {
      if (a.effectiveAt().isAfter(at)) {
        break;
      }
      last = a;
    }
    return Optional.ofNullable(last);
  }
}
