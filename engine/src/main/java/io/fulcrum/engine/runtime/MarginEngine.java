package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompiler;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.policy.PolicySource;
import io.fulcrum.engine.support.Sha256;

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

  private final PolicySource library;
  private final PolicyCompiler compiler;
  private final MarketDataSets marketData;

  public MarginEngine(PolicySource library, PolicyCompiler compiler) {
    this(library, compiler, MarketDataSets.none());
  }

  /**
   * @param marketData resolves {@code market.history.dataSet} references of requests; {@link
   *     MarketDataSets#none()} refuses every reference
   */
  public MarginEngine(PolicySource library, PolicyCompiler compiler, MarketDataSets marketData) {
    this.library = library;
    this.compiler = compiler;
    this.marketData = java.util.Objects.requireNonNull(marketData, "marketData");
  }

  /**
   * The same engine (same library and compiled-policy cache) resolving data sets with {@code
   * marketData}.
   */
  public MarginEngine withMarketData(MarketDataSets marketData) {
    return new MarginEngine(library, compiler, marketData);
  }

  public MarketDataSets marketData() {
    return marketData;
  }

  /** An engine over {@code library} with every risk measure on the classpath. */
  public static MarginEngine over(PolicySource library) {
    return new MarginEngine(library, new PolicyCompiler(RiskMeasures.load()));
  }

  /** Where this engine's policies come from. */
  public PolicySource library() {
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
    return decide(policy(ref), request, marketData, explain);
  }

  /**
   * Evaluates {@code request} against {@code policy}; stamps the decision with its hash. Named data
   * sets in the request are unknown here: use the instance method or the overload with a resolver.
   */
  public static MarginDecision decide(
      CompiledPolicy policy, MarginRequest request, boolean explain) {
    return decide(policy, request, MarketDataSets.none(), explain);
  }

  /**
   * Evaluates {@code request} against {@code policy}, resolving named data sets with {@code
   * marketData}.
   */
  public static MarginDecision decide(
      CompiledPolicy policy, MarginRequest request, MarketDataSets marketData, boolean explain) {
    MarginDecision decision =
        DecisionGuard.run(
            policy.manifest().limits(),
            policy.stamp().ref(),
            guard -> new PolicyEvaluation(policy, request, marketData, explain, guard).run());
    return decision.withHash(hash(decision));
  }

  /** SHA-256 (hex) of the canonical JSON of the decision without its hash field. */
  public static String hash(MarginDecision decision) {
    // Streams the canonical JSON (UTF-8) straight into the digest: same bytes, no string copy.
    return Sha256.hexOfWritten(out -> Json.mapper().writeValue(out, decision.withHash(null)));
  }
}
