package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.measure.RiskMeasures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile bundles are refused at compile time with the file and line of the forbidden use, before
 * any of their code is compiled or run. Each bundle is the engine's {@code good} test bundle with
 * one file replaced.
 */
class PolicySandboxTest {

  static final Path GOOD = Path.of("src/test/resources/bundles/good/1");

  /** Lines 1-11; the consequence is line 12. */
  static final String HEADER =
      """
      package io.fulcrum.test.hostile;

      import io.fulcrum.engine.runtime.AccountFact;
      import io.fulcrum.engine.runtime.PositionFact;
      import io.fulcrum.engine.decision.DecisionStatus;

      rule "Hostile"
        ruleflow-group "status"
      when
        $a : AccountFact( )
      then
      """;

  static PolicyBundle withFile(String name, String content) {
    Map<String, byte[]> files = new TreeMap<>();
    try (var list = Files.list(GOOD)) {
      for (Path p : list.toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    files.put(name, content.getBytes(StandardCharsets.UTF_8));
    return BundleReader.fromFiles("test", files);
  }

  static PolicyBundle withRules(String drl) {
    return withFile("flat.drl", drl);
  }

  static List<CompilationProblem> refusal(PolicyBundle bundle) {
    try {
      new PolicyCompiler(RiskMeasures.load()).compile(bundle);
    } catch (PolicyCompilationFailed e) {
      return e.problems();
    }
    throw new AssertionError("the hostile bundle compiled");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          read /etc/passwd into a fact | $a.setAmount(new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/etc/passwd"))), null); | java.nio.file.Files is not allowed
          exec id                      | Runtime.getRuntime().exec("id");                         | Runtime is not allowed
          process builder              | new ProcessBuilder("id").start();                         | type ProcessBuilder is not allowed
          exit the JVM                 | System.exit(1);                                           | System is not allowed
          loop forever                 | while (true) { $a.setStatus(DecisionStatus.OK); }        | a loop (while)
          for loop                     | for (int i = 0; i < 10; i++) { }                          | a loop (for)
          reflection via getClass      | $a.getClass().forName("java.lang.Runtime");               | AccountFact.getClass is not allowed
          reflection via Method.invoke | Class.forName("java.lang.Runtime").getMethod("exit", int.class).invoke(null, 1); | Class is not allowed
          a thread                     | new Thread(() -> {}).start();                              | lambda
          swallow the stop             | try { $a.setStatus(DecisionStatus.OK); } catch (Throwable t) { } | try/catch
          the drools handle            | drools.halt();                                            | drools is not allowed
          write a file                 | new java.io.FileWriter("/tmp/x").write("x");             | type java.io.FileWriter is not allowed
          mutate a map                 | $a.getMetrics().put("x", null);                           | java.util.SortedMap.put is not allowed
          an array bomb                | Object o = new java.math.BigDecimal[1000000000];          | an array
          code hidden by an escape     | // \\u000a System.exit(1);                                | unicode escapes
          """)
  void aForbiddenConsequence_isRefusedWithFileAndLine(String attack, String code, String message) {
    List<CompilationProblem> problems = refusal(withRules(HEADER + "  " + code + "\nend\n"));
    assertThat(problems)
        .as(attack)
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("flat.drl");
              assertThat(p.line()).isEqualTo(12);
              assertThat(p.message()).contains(message);
            });
  }

  @Test
  void anAllowedConsequence_compiles() {
    String drl =
        HEADER
            + """
              java.math.BigDecimal x = java.math.BigDecimal.ONE.max(new java.math.BigDecimal("2"));
              if ($a.getMarginRatio() != null && x.compareTo($a.getMarginRatio()) > 0) {
                $a.setRatio("x", x.divide(java.math.BigDecimal.TEN, java.math.MathContext.DECIMAL128));
              }
              $a.setStatus(DecisionStatus.OK);
            end
            """;
    assertThat(new PolicyCompiler(RiskMeasures.load()).compile(withRules(drl))).isNotNull();
  }

  @Test
  void forbiddenImportsGlobalsFunctionsAndConditions_areRefusedAtTheirLines() {
    String drl =
        """
        package io.fulcrum.test.hostile;

        import io.fulcrum.engine.runtime.AccountFact;
        import java.io.File;
        global java.io.PrintStream out;

        function String slurp(String path) {
          return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path)));
        }

        function int forever(int n) {
          return forever(n + 1);
        }

        rule "Conditions"
          ruleflow-group "status"
        when
          $a : AccountFact( this.getClass() != null )
          eval( System.getenv("HOME") != null )
          $s : String( ) from System.getProperty("user.home")
        then
          $a.setStatus(io.fulcrum.engine.decision.DecisionStatus.OK);
        end
        """;
    assertThat(refusal(withRules(drl)))
        .extracting(CompilationProblem::toString)
        .anySatisfy(p -> assertThat(p).startsWith("flat.drl:4: import java.io.File"))
        .anySatisfy(
            p -> assertThat(p).startsWith("flat.drl:5: global out of type java.io.PrintStream"))
        .anySatisfy(p -> assertThat(p).startsWith("flat.drl:8: java.nio.file.Files is not allowed"))
        .anySatisfy(p -> assertThat(p).startsWith("flat.drl:11: function forever calls itself"))
        .anySatisfy(p -> assertThat(p).startsWith("flat.drl:18: ").contains("getClass"))
        .anySatisfy(p -> assertThat(p).startsWith("flat.drl:19: System is not allowed"))
        .anySatisfy(p -> assertThat(p).startsWith("flat.drl:20: ").contains("from"));
  }

  @Test
  void aSpreadsheetTable_isCheckedThroughTheDrlItBecomes_withTheRowOfTheRule() {
    String csv =
        """
        RuleSet,io.fulcrum.test.hostile
        Import,"io.fulcrum.engine.runtime.AccountFact, java.math.BigDecimal"
        ,
        RuleTable Hostile
        NAME,RULEFLOW-GROUP,CONDITION,ACTION
        ,,$a : AccountFact,
        ,,"hasMetric(""x"") == $param","$a.setRatio(""x"", new BigDecimal(System.getProperty(""$param"")));"
        Rule,Phase,When,Do
        Fine,status,false,1
        Hostile,status,true,user.home
        """;
    Map<String, byte[]> files = new TreeMap<>();
    PolicyBundle good = withRules(HEADER + "  $a.setStatus(DecisionStatus.OK);\nend\n");
    files.putAll(good.files());
    files.put("table.drl.csv", csv.getBytes(StandardCharsets.UTF_8));
    files.put(
        "manifest.yaml",
        (new String(good.files().get("manifest.yaml"), StandardCharsets.UTF_8)
                .replace("  - flat.drl", "  - flat.drl\n  - table.drl.csv"))
            .getBytes(StandardCharsets.UTF_8));
    assertThat(refusal(BundleReader.fromFiles("test", files)))
        .extracting(CompilationProblem::toString)
        .anySatisfy(p -> assertThat(p).startsWith("table.drl.csv:9: System is not allowed"))
        .anySatisfy(p -> assertThat(p).startsWith("table.drl.csv:10: System is not allowed"));
  }

  static String dmnWith(String decisionBody) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="rate" name="Rate" namespace="https://fulcrum.io/dmn/test/hostile">
          <inputData id="input_notional" name="notional">
            <variable id="input_notional_var" name="notional" typeRef="number"/>
          </inputData>
          <decision id="rate_decision" name="Rate">
            <variable id="rate_var" name="Rate" typeRef="number"/>
            <informationRequirement id="req"><requiredInput href="#input_notional"/></informationRequirement>
        %s
          </decision>
        </definitions>
        """
        .formatted(decisionBody);
  }

  /** A FEEL function bound to {@code java.lang.System.getProperty}, called by the decision. */
  static final String FEEL_CALLING_SYSTEM =
      """
          <context id="ctx">
            <contextEntry id="e1"><variable id="v1" name="prop"/>
              <literalExpression id="l1">
                <text>function(name) external { java: { class: "java.lang.System", method signature: "getProperty(java.lang.String)" } }</text>
              </literalExpression>
            </contextEntry>
            <contextEntry id="e2"><literalExpression id="l2"><text>if prop("user.home") = null then 0.01 else 0.02</text></literalExpression></contextEntry>
          </context>""";

  @Test
  void feelCallingJavaLangSystem_isRefusedWithTheLine() {
    List<CompilationProblem> problems = refusal(withFile("rate.dmn", dmnWith(FEEL_CALLING_SYSTEM)));
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("rate.dmn");
              assertThat(p.line()).isEqualTo(12);
              assertThat(p.message()).contains("FEEL external function (Java) is not allowed");
            });
  }

  @Test
  void aJavaKindFunctionDefinition_isRefusedWithTheLine() {
    String bkm =
        """
            <literalExpression id="l"><text>0.01</text></literalExpression>
          </decision>
          <businessKnowledgeModel id="bkm" name="exit">
            <encapsulatedLogic id="f" kind="Java">
              <context><contextEntry><variable name="class"/><literalExpression><text>"java.lang.System"</text></literalExpression></contextEntry></context>
            </encapsulatedLogic>
          </businessKnowledgeModel>
          <decision id="unused" name="Unused">""";
    assertThat(refusal(withFile("rate.dmn", dmnWith(bkm))))
        .extracting(CompilationProblem::toString)
        .anySatisfy(p -> assertThat(p).startsWith("rate.dmn:12: DMN function of kind Java"));
  }
}
