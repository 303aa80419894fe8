package io.fulcrum.admin.application;

import io.fulcrum.engine.decision.PolicyStamp;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The engine over the policy library, and which policy version is active. Until policy
 * governance lands, the active version is configured ({@code fulcrum.policy.active}, default the
 * latest shipped {@code tiered-perps}) and fixed for the life of the process.
 *
 * <p>Compiled policies are cached per reference: loading a bundle reads and hashes its files, which
 * costs more than an evaluation.
 */
@ApplicationScoped
public class PolicyEngine {

  private static final Logger LOG = Logger.getLogger(PolicyEngine.class.getName());

  @Inject
  @ConfigProperty(name = "fulcrum.policy.active", defaultValue = "tiered-perps")
  String activeRef;

  @Inject
  @ConfigProperty(name = "fulcrum.policy.library")
  Optional<String> libraryPath;

  private MarginEngine engine;
  private PolicyRef active;
  private final Map<PolicyRef, CompiledPolicy> compiled = new ConcurrentHashMap<>();

  @PostConstruct
  void start() {
    PolicyLibrary library = libraryPath.filter(p -> !p.isBlank())
        .map(p -> PolicyLibrary.at(Path.of(p)))
        .orElseGet(PolicyLibrary::shipped);
    engine = MarginEngine.over(library);
    PolicyRef ref = PolicyRef.parse(activeRef);
    active = PolicyRef.of(ref.id(), ref.version().orElseGet(() -> library.latestVersion(ref.id())));
    LOG.info(() -> "active policy " + active + " from " + library.root());
  }

  /** The active policy version, compiled. */
  public CompiledPolicy active() {
    return compiled(active);
  }

  /**
   * The referenced policy: null or blank means the active version; {@code id} alone the latest
   * version of that policy; {@code id@version} exactly that version.
   *
   * @throws IllegalArgumentException for a malformed reference
   * @throws io.fulcrum.engine.policy.PolicyNotFound for an unknown id or version
   */
  public CompiledPolicy resolve(String ref) {
    if (ref == null || ref.isBlank()) {
      return active();
    }
    PolicyRef parsed = PolicyRef.parse(ref);
    if (parsed.version().isEmpty()) {
      parsed = parsed.id().equals(active.id())
          ? active
          : PolicyRef.of(parsed.id(), engine.library().latestVersion(parsed.id()));
    }
    return compiled(parsed);
  }

  /** Exactly the version a decision was taken under (its bundle hash is compared by callers). */
  public CompiledPolicy exact(PolicyStamp stamp) {
    return compiled(PolicyRef.of(stamp.id(), stamp.version()));
  }

  private CompiledPolicy compiled(PolicyRef ref) {
    return compiled.computeIfAbsent(ref, engine::policy);
  }
}
