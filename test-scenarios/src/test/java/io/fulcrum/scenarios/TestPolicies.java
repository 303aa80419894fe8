package io.fulcrum.scenarios;

import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.nio.file.Path;

/**
 * The checkout's policy library and test-scenarios' suite directories, for tests run from any
 * module directory of the checkout (test-scenarios/, cli/).
 */
public final class TestPolicies {

  /** The checkout: the working directory's parent (tests run in a module directory). */
  public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  public static final Path RULES = ROOT.resolve("rules");
  public static final Path MODULE = ROOT.resolve("test-scenarios");
  public static final Path SUITES = MODULE.resolve("suites");
  public static final Path STRESS = MODULE.resolve("stress");
  public static final Path DATA = MODULE.resolve("data");
  public static final Path TEST_SUITES =
      MODULE.resolve(Path.of("src", "test", "resources", "suites"));

  private static final MarginEngine ENGINE = MarginEngine.over(PolicyLibrary.at(RULES));

  private TestPolicies() {}

  public static MarginEngine engine() {
    return ENGINE;
  }

  public static CompiledPolicy compiled(String ref) {
    return ENGINE.policy(PolicyRef.parse(ref));
  }
}
