package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.DecisionJson;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompiler;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.policy.PolicySource;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's entry point: takes margin decisions for requests against policy versions.
 * Compilation happens once per bundle hash (see {@link PolicyCompiler}); evaluations share the
 * compiled policy; each thread reuses its rule sessions, reset between decisions to the state of a
 * new session (see {@link RuleSessions}). Thread-safe.
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
   * Decides every request against the referenced policy version, on every core, reusing rule
   * sessions per thread (see {@link DecisionBatch}); the decisions come back in request order and
   * are byte-identical to deciding each request alone with {@link #decide(PolicyRef, MarginRequest,
   * boolean)}.
   *
   * @throws RuntimeException the failure of the first request, in request order, that has no
   *     decision (what {@code decide} would throw for it); use {@link #decideEach} to keep
   *     per-request failures
   */
  public List<MarginDecision> decideAll(
      PolicyRef ref, List<MarginRequest> requests, boolean explain) {
    List<DecisionOutcome> outcomes = decideEach(policy(ref), requests, marketData, explain);
    List<MarginDecision> decisions = new ArrayList<>(outcomes.size());
    for (DecisionOutcome o : outcomes) {
      decisions.add(o.decisionOrThrow());
    }
    return decisions;
  }

  /**
   * Decides every request against {@code policy} on every core (a shared {@link DecisionBatch});
   * one outcome per request, in request order; a request without a decision fails only its own
   * outcome.
   */
  public static List<DecisionOutcome> decideEach(
      CompiledPolicy policy,
      List<MarginRequest> requests,
      MarketDataSets marketData,
      boolean explain) {
    return SharedBatch.BATCH.decide(policy, requests, marketData, explain);
  }

  /** One batch for the process, created on first use; its workers are daemon threads. */
  private static final class SharedBatch {
    static final DecisionBatch BATCH =
        DecisionBatch.onThreads(Runtime.getRuntime().availableProcessors());
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
    MarginDecision decision = evaluate(policy, request, marketData, explain);
    return decision.withHash(hash(decision));
  }

  /**
   * Evaluates {@code request} like {@link #decide(CompiledPolicy, MarginRequest, MarketDataSets,
   * boolean)} but leaves the decision unstamped ({@code decisionHash} null): for comparisons that
   * never store, show or hash the decision (impact), which so skip writing its canonical JSON.
   */
  public static MarginDecision evaluate(
      CompiledPolicy policy, MarginRequest request, MarketDataSets marketData, boolean explain) {
    // Drools and KIE look some of their parts up lazily with ServiceLoader through the thread's
    // context class loader, and keep a failed lookup for the life of the JVM: MVEL's jitting
    // executor after a constraint's 20th evaluation, the session runtime on a thread's first
    // session. A thread whose context loader cannot see the KIE jars (the common fork-join pool
    // of a backtest's parallel days, a container thread outside the application) would fail that
    // decision and, for the executor, every later one in the JVM. So rules run with the loader of
    // this library, which sees Drools (KieContextLoaderTest: a thread without them fails).
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    if (before == KIE_LOADER) {
      return run(policy, request, marketData, explain);
    }
    thread.setContextClassLoader(KIE_LOADER);
    try {
      return run(policy, request, marketData, explain);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  private static final ClassLoader KIE_LOADER = MarginEngine.class.getClassLoader();

  private static MarginDecision run(
      CompiledPolicy policy, MarginRequest request, MarketDataSets marketData, boolean explain) {
    return DecisionGuard.run(
        policy.manifest().limits(),
        policy.stamp().ref(),
        guard -> new PolicyEvaluation(policy, request, marketData, explain, guard).run());
  }

  /**
   * Evaluates {@code request} like {@link #decide(CompiledPolicy, MarginRequest, MarketDataSets,
   * boolean)} and gives the stamped decision with its canonical JSON, written once for both the
   * hash and the JSON (for the decision service, which stores and returns that JSON).
   */
  public static DecisionJson.Stamped decideWithJson(
      CompiledPolicy policy, MarginRequest request, MarketDataSets marketData, boolean explain) {
    MarginDecision decision = evaluate(policy, request, marketData, explain);
    if (JACKSON_HASH) {
      MarginDecision stamped = decision.withHash(hash(decision));
      return new DecisionJson.Stamped(stamped, io.fulcrum.engine.json.Json.canonical(stamped));
    }
    return DecisionJson.stamped(decision);
  }

  /**
   * {@code -Dfulcrum.hash.jackson=true}: hash through Jackson's databind as before issue #14's
   * direct writer (same bytes, same hash), for a comparison in the benchmarks.
   */
  private static final boolean JACKSON_HASH = Boolean.getBoolean("fulcrum.hash.jackson");

  /** SHA-256 (hex) of the canonical JSON of the decision without its hash field. */
  public static String hash(MarginDecision decision) {
    if (JACKSON_HASH) {
      return DecisionJson.jacksonHash(decision);
    }
    // The canonical JSON (UTF-8) written directly, byte-identical to Jackson's (DecisionJsonTest).
    return DecisionJson.hash(decision);
  }
}
