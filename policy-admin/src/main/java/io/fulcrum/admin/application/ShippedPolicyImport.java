package io.fulcrum.admin.application;

import io.fulcrum.admin.application.PolicyEvent.Action;
import io.fulcrum.admin.application.PolicyStore.Change;
import io.fulcrum.admin.application.PolicyStore.NewEvent;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.policy.PolicySource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start-up, imports the shipped bundles (or those of the policy source {@code
 * fulcrum.policy.library}: a directory, or {@code shipped}, see {@link PolicySource#of}) that the
 * database does not hold yet, as APPROVED by user {@code system}. On the first start (no versions
 * stored) it also activates {@code fulcrum.policy.active} ({@code FULCRUM_POLICY_ACTIVE}; an id
 * alone means its latest version). Later starts never change the active version: that is the
 * approvers' job. A stored version whose shipped files have since changed keeps its stored content
 * (logged).
 */
@ApplicationScoped
public class ShippedPolicyImport {

  static final String SYSTEM = "system";
  private static final Logger LOG = Logger.getLogger(ShippedPolicyImport.class.getName());

  @Inject PolicyStore store;

  @Inject ServiceClock clock;

  @Inject
  @ConfigProperty(name = "fulcrum.policy.active", defaultValue = "tiered-perps")
  String activeRef;

  @Inject
  @ConfigProperty(name = "fulcrum.policy.library")
  Optional<String> libraryPath;

  public void importShipped() {
    PolicySource library =
        PolicySource.of(libraryPath.filter(p -> !p.isBlank()).orElse(PolicySource.SHIPPED));
    boolean first = store.isEmpty();
    Instant now = clock.instant();
    List<String> imported = new ArrayList<>();
    for (String id : library.ids()) {
      for (String version : library.versions(id)) {
        PolicyBundle bundle = library.load(PolicyRef.of(id, version));
        Optional<PolicyVersion> stored;
        try {
          stored = store.find(id, version);
        } catch (ChainIntegrityFault e) {
          // Start anyway, so that /audit/verify can report it; the version is not used.
          LOG.severe(e.getMessage());
          continue;
        }
        if (stored.isPresent()) {
          if (!stored.get().bundleHash().equals(bundle.hash())) {
            LOG.warning(
                () ->
                    "shipped "
                        + id
                        + "@"
                        + version
                        + " differs from the stored version (hash "
                        + bundle.hash().substring(0, 12)
                        + " vs "
                        + stored.get().bundleHash().substring(0, 12)
                        + "); the stored content stays: ship changes as a new version");
          }
          continue;
        }
        ValidationReport report =
            new ValidationReport(
                id + "@" + version,
                bundle.hash(),
                true,
                List.of("shipped: compiled and tested by the rules module's build"),
                List.of(),
                now);
        PolicyVersion row =
            new PolicyVersion(
                id,
                version,
                bundle.hash(),
                PolicyState.APPROVED,
                SYSTEM,
                now,
                SYSTEM,
                now,
                "shipped with the service",
                Json.canonical(report));
        try {
          store.record(
              new Change(
                  bundle.files(),
                  row,
                  List.of(
                      new NewEvent(
                          Action.IMPORT,
                          id,
                          version,
                          bundle.hash(),
                          null,
                          "shipped bundle imported as APPROVED from " + library.description(),
                          null)),
                  SYSTEM,
                  now));
        } catch (ChainIntegrityFault e) {
          // Start anyway (nothing can be appended until an operator has looked; verify says why).
          LOG.severe("shipped " + id + "@" + version + " not imported: " + e.getMessage());
          continue;
        }
        imported.add(id + "@" + version);
      }
    }
    if (first) {
      PolicyRef ref = PolicyRef.parse(activeRef);
      String version = ref.version().orElseGet(() -> library.latestVersion(ref.id()));
      String hash =
          store
              .find(ref.id(), version)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "fulcrum.policy.active names "
                              + ref.id()
                              + "@"
                              + version
                              + ", which is not shipped"))
              .bundleHash();
      store.record(
          new Change(
              null,
              null,
              List.of(
                  new NewEvent(
                      Action.ACTIVATE,
                      ref.id(),
                      version,
                      hash,
                      now,
                      "first start: fulcrum.policy.active = " + activeRef,
                      null)),
              SYSTEM,
              now));
    }
    LOG.info(
        () ->
            "policy import: "
                + (imported.isEmpty() ? "nothing new" : "imported " + imported)
                + (first ? ", first start" : ""));
  }
}
