package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompiler;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The engine's entry point: takes margin decisions for requests against policy versions.
 * Compilation happens once per bundle hash (see {@link PolicyCompiler}); evaluations share the
 * compiled policy and each opens its own rule session. Thread-safe.
 *
 * <p>Determinism: the same request and bundle give the same decision, explanation and hash, byte
 * for byte: facts are inserted in request order, rules fire in a fixed order, all maps are sorted,
 * no clock or random source is read.
 */
public final class MarginEngine {

  private final PolicyLibrary library;
  private final PolicyCompiler compiler;

  public MarginEngine(PolicyLibrary library, PolicyCompiler compiler) {
    this.library = library;
    this.compiler = compiler;
  }

  /** An engine over {@code library} with every risk measure on the classpath. */
  public static MarginEngine over(PolicyLibrary library) {
    return new MarginEngine(library, new PolicyCompiler(RiskMeasures.load()));
  }

  public PolicyLibrary library() {
    return library;
  }

  public PolicyCompiler compiler() {
    return compiler;
  }

  /** Loads and compiles (or takes from cache) the referenced policy version. */
  public CompiledPolicy policy(PolicyRef ref) {
    PolicyBundle bundle = library.load(ref);
    return compiler.compile(bundle);
  }

  public MarginDecision decide(PolicyRef ref, MarginRequest request, boolean explain) {
    return decide(policy(ref), request, explain);
  }

  /** Evaluates {@code request} against {@code policy}; stamps the decision with its hash. */
  public static MarginDecision decide(CompiledPolicy policy, MarginRequest request, boolean explain) {
    MarginDecision decision = new PolicyEvaluation(policy, request, explain).run();
    return decision.withHash(hash(decision));
  }

  /** SHA-256 (hex) of the canonical JSON of the decision without its hash field. */
  public static String hash(MarginDecision decision) {
    String json = Json.canonical(decision.withHash(null));
    return HexFormat.of().formatHex(
        io.fulcrum.engine.policy.PolicyBundle.sha256Of(json.getBytes(StandardCharsets.UTF_8)));
  }
}
