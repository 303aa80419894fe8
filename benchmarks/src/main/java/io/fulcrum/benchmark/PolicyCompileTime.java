package io.fulcrum.benchmark;

import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompiler;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Compile time of every shipped bundle (sandbox, DMN, rules), each compiled {@code rounds} times
 * with a new {@link PolicyCompiler} (no cache), CPU time of the compiling thread and wall time of
 * the last round (issue #14: the cost of compiling on activation; the Drools executable model was
 * measured with it, see README).
 *
 * <pre>
 * java -cp "benchmarks/target/classes:benchmarks/target/lib/*" io.fulcrum.benchmark.PolicyCompileTime [rounds]
 * </pre>
 */
public final class PolicyCompileTime {

  private PolicyCompileTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    var threads = ManagementFactory.getThreadMXBean();
    PolicyLibrary library = PolicyLibrary.at(Path.of(System.getProperty("fulcrum.rules", "rules")));
    for (String id : library.ids()) {
      for (String version : library.versions(id)) {
        PolicyBundle bundle = library.load(PolicyRef.parse(id + "@" + version));
        double cpuMs = 0;
        double wallMs = 0;
        for (int r = 0; r < rounds; r++) {
          PolicyCompiler compiler = new PolicyCompiler(RiskMeasures.load());
          long cpu = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          compiler.compile(bundle);
          cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
          wallMs = (System.nanoTime() - t0) / 1e6;
        }
        System.out.printf(
            Locale.ROOT,
            "%-22s compile (round %d): %8.1f CPU ms, %8.1f ms wall%n",
            id + "@" + version,
            rounds,
            cpuMs,
            wallMs);
      }
    }
  }
}
