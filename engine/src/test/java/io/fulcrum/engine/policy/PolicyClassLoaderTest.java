package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * The run-time wall on its own: rules built without the compile-time check (as if a forbidden use
 * had slipped past it) still cannot reach classes outside the allow-list.
 */
class PolicyClassLoaderTest {

  private static final String HEADER =
      """
      package io.fulcrum.test.smuggled;

      rule "Smuggled"
      when
      then
      """;

  private static KieBase buildUnchecked(String consequence, List<CompilationProblem> problems) {
    PolicyBundle bundle = PolicySandboxTest.withRules(HEADER + "  " + consequence + "\nend\n");
    assertThat(PolicySandbox.check(bundle)).as("the static check refuses it").isNotEmpty();
    return PolicyCompiler.compileRules(bundle, problems);
  }

  @Test
  void aForbiddenTypeInCompiledPolicyCode_doesNotResolve() {
    List<CompilationProblem> problems = new ArrayList<>();
    KieBase base = buildUnchecked("System.exit(1);", problems);
    assertThat(base).isNull();
    assertThat(problems)
        .anySatisfy(p -> assertThat(p.message()).contains("System cannot be resolved"));
  }

  @Test
  void reflectionInCompiledPolicyCode_doesNotCompileAgainstTheLoader() {
    List<CompilationProblem> problems = new ArrayList<>();
    KieBase base =
        buildUnchecked(
            "Class.forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null);",
            problems);
    assertThat(base).isNull();
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p.message())
                    .contains("java.lang.ClassNotFoundException cannot be resolved"));
  }

  @Test
  void aFeelExternalJavaFunction_cannotLoadItsClass() {
    PolicyBundle bundle =
        PolicySandboxTest.withFile(
            "rate.dmn", PolicySandboxTest.dmnWith(PolicySandboxTest.FEEL_CALLING_SYSTEM));
    assertThat(PolicySandbox.check(bundle)).as("the static check refuses it").isNotEmpty();
    List<CompilationProblem> problems = new ArrayList<>();
    DmnModels dmn = DmnModels.compile(bundle, problems);
    assertThat(problems).isEmpty();
    var context = dmn.runtime().newContext();
    context.set("notional", java.math.BigDecimal.TEN);
    var result = dmn.runtime().evaluateByName(dmn.model("rate.dmn"), context, "Rate");
    assertThat(result.getDecisionResultByName("Rate").getResult()).isNull();
    assertThat(result.getMessages())
        .anySatisfy(
            m ->
                assertThat(m.getText())
                    .contains("java.lang.System is not available to policy code"));
  }

  @Test
  void theLoaderHidesForbiddenClassesAndShowsAllowedOnes() throws Exception {
    PolicyClassLoader loader = new PolicyClassLoader(getClass().getClassLoader());
    assertThat(loader.loadClass("java.math.BigDecimal")).isSameAs(java.math.BigDecimal.class);
    for (String forbidden :
        List.of(
            "java.lang.Runtime",
            "java.lang.System",
            "java.lang.ProcessBuilder",
            "java.lang.Thread",
            "java.io.File",
            "java.nio.file.Files",
            "java.net.Socket",
            "java.lang.reflect.Method",
            "java.lang.ClassLoader",
            "io.fulcrum.engine.policy.PolicyLibrary")) {
      assertThatThrownBy(() -> loader.loadClass(forbidden))
          .as(forbidden)
          .isInstanceOf(ClassNotFoundException.class);
      assertThat(loader.getResource(forbidden.replace('.', '/') + ".class")).isNull();
    }
  }
}
