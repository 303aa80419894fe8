package io.fulcrum.engine.policy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drools.scenariosimulation.api.model.ScenarioSimulationModel;
import org.drools.scenariosimulation.api.model.ScenarioWithIndex;
import org.drools.scenariosimulation.api.model.ScesimModelDescriptor;
import org.drools.scenariosimulation.api.model.Settings;
import org.drools.scenariosimulation.backend.expression.ExpressionEvaluatorFactory;
import org.drools.scenariosimulation.backend.runner.DMNScenarioRunnerHelper;
import org.drools.scenariosimulation.backend.runner.model.ScenarioRunnerData;
import org.drools.scenariosimulation.backend.util.ScenarioSimulationXMLPersistence;
import org.kie.api.runtime.KieContainer;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;

/**
 * Runs a bundle's Kogito test scenarios ({@code .scesim}, DMN type) against the bundle's own
 * compiled DMN models, with the scenario-simulation library's own reading of the file (its XML
 * persistence, FEEL given values, FEEL unary-test expectations, failure messages).
 *
 * <p>Why not the Kogito JUnit activator the {@code rules} module's build uses: it is a JUnit 4
 * runner that finds the {@code .dmn} files on disk by the path in the scenario's settings, so it
 * cannot run an uploaded bundle held in memory. This class plugs the bundle's {@link DMNRuntime}
 * into the same runner helper the activator uses ({@code DMNScenarioRunnerHelper}); the model is
 * found by the namespace and name in the scenario's settings, as the Kogito runner does.
 *
 * <p>Safety: the file is first parsed by a parser that refuses DOCTYPE declarations (no external
 * entities); the library reads it with a non-trusting XStream limited to its own model types;
 * values are always FEEL (never MVEL, which the library allows for rule scenarios), evaluated with
 * the policy class loader, so FEEL cannot reach Java classes.
 */
final class ScenarioRunner {

  private ScenarioRunner() {}

  /**
   * Every failing scenario of {@code file}, at the line of its {@code <Scenario>} element. The
   * whole file must finish within {@code budgetMillis} (the policy's decision time budget) of CPU
   * time: it runs on a thread of its own that is stopped ({@code Thread.stop}, as the decision
   * guard does for FEEL that never returns) when it has used that much CPU. CPU time, not wall
   * clock, so that a validation verdict does not depend on how busy the machine is (on a loaded
   * server a wall-clock budget failed bundles whose scenarios need a fraction of it). A thread that
   * waits without using CPU is stopped after {@link #wallClockCap} instead.
   */
  static List<CompilationProblem> run(
      String file, byte[] content, DmnModels dmn, long budgetMillis) {
    java.util.concurrent.atomic.AtomicReference<List<CompilationProblem>> result =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                result.set(run(file, content, dmn));
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "fulcrum-scenarios " + file);
    worker.setDaemon(true);
    worker.start();
    try {
      String overrun = awaitWithin(worker, budgetMillis);
      if (overrun != null) {
        stop(worker);
        return List.of(new CompilationProblem(file, 0, overrun));
      }
    } catch (InterruptedException e) {
      stop(worker);
      Thread.currentThread().interrupt();
      return List.of(new CompilationProblem(file, 0, "interrupted while running the scenarios"));
    }
    if (failure.get() != null) {
      return List.of(
          new CompilationProblem(
              file, 0, "the scenarios failed with " + failure.get().getClass().getName()));
    }
    return result.get();
  }

  /** How long a scenario thread may take by the wall clock: 30 budgets, at least a minute. */
  static long wallClockCap(long budgetMillis) {
    return Math.max(60_000L, Math.multiplyExact(budgetMillis, 30L));
  }

  /**
   * Waits for {@code worker}; null when it finished, else why it was cut short: it used more than
   * {@code budgetMillis} of CPU time (measured with {@link ThreadMXBean#getThreadCpuTime}; by the
   * wall clock where the JVM does not measure thread CPU time), or it ran past the wall-clock cap.
   */
  private static String awaitWithin(Thread worker, long budgetMillis) throws InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpu = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    long budgetNanos = TimeUnit.MILLISECONDS.toNanos(budgetMillis);
    long wallCap = cpu ? wallClockCap(budgetMillis) : budgetMillis;
    long started = System.nanoTime();
    while (true) {
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      long left = wallCap - waited;
      if (left <= 0) {
        break;
      }
      worker.join(Math.min(left, 20));
      if (!worker.isAlive()) {
        return null;
      }
      if (cpu && threads.getThreadCpuTime(worker.getId()) > budgetNanos) {
        return "the scenarios did not finish within the policy's time budget ("
            + budgetMillis
            + " ms of CPU time)";
      }
    }
    return cpu
        ? "the scenarios did not finish within "
            + wallCap
            + " ms by the wall clock (the policy's time budget is "
            + budgetMillis
            + " ms of CPU time)"
        : "the scenarios did not finish within the policy's time budget (" + budgetMillis + " ms)";
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Thread worker) {
    worker.interrupt();
    try {
      worker.join(200);
      if (worker.isAlive()) {
        worker.stop(); // JDK 17; from JDK 20 it throws and the daemon thread runs on
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (UnsupportedOperationException e) {
      // JDK 20+: no way to stop it; it is a daemon and ends with the JVM at the latest.
    }
  }

  /** As {@link #run(String, byte[], DmnModels, long)}, on the calling thread, unbounded. */
  static List<CompilationProblem> run(String file, byte[] content, DmnModels dmn) {
    List<CompilationProblem> problems = new ArrayList<>();
    String xml = new String(content, StandardCharsets.UTF_8);
    String malformed = DmnModels.xmlProblem(content);
    if (malformed != null) {
      problems.add(new CompilationProblem(file, 0, malformed));
      return problems;
    }
    ScenarioSimulationModel model;
    try {
      model = ScenarioSimulationXMLPersistence.getInstance().unmarshal(xml);
    } catch (Exception e) {
      problems.add(new CompilationProblem(file, 0, "not a test scenario file: " + e.getMessage()));
      return problems;
    }
    Settings settings = model.getSettings();
    if (settings == null || settings.getType() != ScenarioSimulationModel.Type.DMN) {
      problems.add(
          new CompilationProblem(
              file, 0, "only DMN test scenarios can run: set <type>DMN</type> in its settings"));
      return problems;
    }
    DMNRuntime runtime = dmn.runtime();
    DMNModel dmnModel =
        runtime == null
            ? null
            : runtime.getModel(settings.getDmnNamespace(), settings.getDmnName());
    if (dmnModel == null) {
      problems.add(
          new CompilationProblem(
              file,
              lineOf(xml, "<dmnName>", 1),
              "the scenarios test DMN model '"
                  + settings.getDmnName()
                  + "' ("
                  + settings.getDmnNamespace()
                  + ") but no model of the bundle's decisions has that name and namespace"));
      return problems;
    }
    ClassLoader loader = new PolicyClassLoader(ScenarioRunner.class.getClassLoader());
    ExpressionEvaluatorFactory evaluators =
        ExpressionEvaluatorFactory.create(loader, ScenarioSimulationModel.Type.DMN);
    ScesimModelDescriptor descriptor = model.getSimulation().getScesimModelDescriptor();
    Helper helper = new Helper(runtime, dmnModel);
    for (ScenarioWithIndex scenario : model.getSimulation().getScenarioWithIndex()) {
      try {
        helper.run(
            null,
            descriptor,
            scenario,
            evaluators,
            loader,
            new ScenarioRunnerData(),
            settings,
            model.getBackground());
      } catch (RuntimeException | AssertionError e) {
        String description = scenario.getScesimData().getDescription();
        problems.add(
            new CompilationProblem(
                file,
                lineOf(xml, "<Scenario>", scenario.getIndex()),
                "scenario "
                    + scenario.getIndex()
                    + (description == null || description.isBlank()
                        ? ""
                        : " \"" + description + "\"")
                    + " failed: "
                    + (e.getMessage() == null ? e.getClass().getName() : e.getMessage().strip())));
      }
    }
    return problems;
  }

  /** The line of the {@code n}-th (1-based) occurrence of {@code tag}, 0 if there is none. */
  static int lineOf(String xml, String tag, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = xml.indexOf(tag, at + 1);
      if (at < 0) {
        return 0;
      }
    }
    return CompilationProblem.lineAt(xml, at);
  }

  /** The library's DMN runner helper, evaluating the bundle's model instead of a KIE container. */
  private static final class Helper extends DMNScenarioRunnerHelper {
    private final DMNRuntime runtime;
    private final DMNModel model;

    Helper(DMNRuntime runtime, DMNModel model) {
      this.runtime = runtime;
      this.model = model;
    }

    @Override
    protected Map<String, Object> executeScenario(
        KieContainer container,
        ScenarioRunnerData data,
        ExpressionEvaluatorFactory evaluators,
        ScesimModelDescriptor descriptor,
        Settings settings) {
      DMNContext context = runtime.newContext();
      defineInputValues(data.getBackgrounds(), data.getGivens()).forEach(context::set);
      DMNResult result = runtime.evaluateAll(model, context);
      Map<String, Object> out = new HashMap<>();
      out.put("dmnModel", model);
      out.put("dmnResult", result);
      return out;
    }
  }
}
