package io.fulcrum.admin.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.engine.json.Json;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A version's review state, bundle hash and author as its sealed lifecycle events make them. The
 * {@code policy_version} row is a copy kept for reading; wherever a version is used, the row must
 * agree with this, so editing the row (say, its state to APPROVED, or its bundle hash to another
 * version's content) cannot change what a version is or decides.
 *
 * <p>IMPORT makes a version APPROVED; UPLOAD a DRAFT; VALIDATE VALIDATED or DRAFT (its detail says
 * which); APPROVE and REJECT the review's outcome. Activation and shadow events do not change the
 * review state. Only events the chain covers may be passed in.
 */
public final class PolicyVersionSeal {

  private PolicyVersionSeal() {}

  /** What the events make of a version. */
  public record Sealed(String ref, PolicyState state, String bundleHash, String author) {}

  /**
   * Folds one version's sealed events, in chain order.
   *
   * @return empty when no event creates the version (no IMPORT or UPLOAD)
   */
  public static Optional<Sealed> of(List<PolicyEvent> events) {
    Sealed s = null;
    for (PolicyEvent e : events) {
      s =
          switch (e.action()) {
            case IMPORT -> new Sealed(e.ref(), PolicyState.APPROVED, e.bundleHash(), e.actor());
            case UPLOAD -> new Sealed(e.ref(), PolicyState.DRAFT, e.bundleHash(), e.actor());
            case VALIDATE ->
                s == null
                    ? null
                    : with(s, validated(e) ? PolicyState.VALIDATED : PolicyState.DRAFT);
            case APPROVE ->
                s == null || e.actor().equals(s.author()) ? s : with(s, PolicyState.APPROVED);
            case REJECT -> s == null ? null : with(s, PolicyState.REJECTED);
            case ACTIVATE, ROLLBACK, SHADOW_ON, SHADOW_OFF, ALERT -> s;
          };
    }
    return Optional.ofNullable(s);
  }

  /**
   * How a stored version row disagrees with its sealed events, or null if it agrees.
   *
   * @param sealedEvents the version's events that the chain covers, in chain order
   */
  public static String problem(PolicyVersion row, List<PolicyEvent> sealedEvents) {
    Optional<Sealed> sealed = of(sealedEvents);
    String what = "policy version " + row.ref();
    if (sealed.isEmpty()) {
      return what + " has no audited upload or import";
    }
    Sealed s = sealed.get();
    if (row.storedState() != s.state()) {
      return what
          + " has state "
          + row.storedState()
          + " but its audited lifecycle events make it "
          + s.state();
    }
    if (!row.bundleHash().equals(s.bundleHash())) {
      return what
          + " names bundle hash "
          + abbreviated(row.bundleHash())
          + " but its audited upload names "
          + abbreviated(s.bundleHash());
    }
    if (!row.author().equals(s.author())) {
      return what + " names author " + row.author() + " but was uploaded by " + s.author();
    }
    return null;
  }

  private static Sealed with(Sealed s, PolicyState state) {
    return new Sealed(s.ref(), state, s.bundleHash(), s.author());
  }

  private static boolean validated(PolicyEvent e) {
    try {
      JsonNode detail = Json.mapper().readTree(e.detail() == null ? "{}" : e.detail());
      return detail.path("passed").asBoolean(false);
    } catch (IOException ex) {
      return false;
    }
  }

  public static String abbreviated(String hash) {
    return hash == null || hash.length() <= 12
        ? String.valueOf(hash)
        : hash.substring(0, 12) + "...";
  }
}
