package io.fulcrum.scenarios;

import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.nio.file.Path;

/**
 * The checkout's policy library and the module's suite directories, for tests (run from
 * test-scenarios/).
 */
public final class TestPolicies {

  public static final Path RULES = Path.of("..", "rules").toAbsolutePath().normalize();
  public static final Path SUITES = Path.of("suites").toAbsolutePath();
  public static final Path STRESS = Path.of("stress").toAbsolutePath();
  public static final Path TEST_SUITES =
      Path.of("src", "test", "resources", "suites").toAbsolutePath();

  private static final MarginEngine ENGINE = MarginEngine.over(PolicyLibrary.at(RULES));

  private TestPolicies() {}

  public static MarginEngine engine() {
    return ENGINE;
  }

  public static CompiledPolicy compiled(String ref) {
    return ENGINE.policy(PolicyRef.parse(ref));
  }
}
