package io.fulcrum.benchmark;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the liquidation move costs a decision: the same random cross accounts as {@link
 * DecisionBenchmark} under tiered-perps@3 (no deciding measure declared, no moves) and
 * tiered-perps@4 (the same rules and tables plus the moves), explanation off. Report the ratio v4 /
 * v3 measured in the same run.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LiquidationMoveBenchmark {

  CompiledPolicy withoutMoves;
  CompiledPolicy withMoves;
  MarginRequest[] requests;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    MarginEngine engine =
        MarginEngine.over(PolicyLibrary.at(Path.of(System.getProperty("fulcrum.rules", "rules"))));
    withoutMoves = engine.policy(PolicyRef.parse("tiered-perps@3"));
    withMoves = engine.policy(PolicyRef.parse("tiered-perps@4"));
    SplittableRandom random = new SplittableRandom(42);
    requests = new MarginRequest[DecisionBenchmark.DISTINCT];
    for (int i = 0; i < requests.length; i++) {
      requests[i] = DecisionBenchmark.request("acc-" + i, DecisionBenchmark.randomAccount(random));
    }
  }

  private int nextIndex() {
    next = (next + 1) & (DecisionBenchmark.DISTINCT - 1);
    return next;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public MarginDecision v3_noMoves() {
    return MarginEngine.decide(withoutMoves, requests[nextIndex()], false);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public MarginDecision v4_withMoves() {
    return MarginEngine.decide(withMoves, requests[nextIndex()], false);
  }
}
