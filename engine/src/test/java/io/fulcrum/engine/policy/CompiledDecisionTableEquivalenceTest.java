package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.dmn.CompiledDecisionTable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;

/**
 * {@link CompiledDecisionTable} against the KIE DMN runtime it stands in for: every decision table
 * of every shipped bundle (rules/**) and of a test bundle with every supported kind of unary test
 * is evaluated both ways on many inputs (each interval end, one unit and one far-decimal step
 * either side of it, the same value at another scale, random values over and beyond the table's
 * range, 40-digit values, every string in the table and strings that are in none, null, and numbers
 * of other Java types). Wherever the compiled table answers, the runtime must give the same output
 * (equal values, scale included), succeed without error and report the same matched and selected
 * rows of the same table; wherever it does not answer, the runtime must fail, find no row, or have
 * been given a value the compiled table leaves to it (null, a non-BigDecimal number). The oracle is
 * KIE itself, which the engine used for every table before.
 */
class CompiledDecisionTableEquivalenceTest {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

  @Test
  void everyShippedTable_sameOutputsAndRowsAsTheKieRuntime() {
    PolicyLibrary library = PolicyLibrary.at(Path.of("../rules"));
    TreeSet<String> compiled = new TreeSet<>();
    TreeSet<String> notCompiled = new TreeSet<>();
    int answered = 0;
    for (String id : library.ids()) {
      for (String version : library.versions(id)) {
        PolicyRef ref = PolicyRef.parse(id + "@" + version);
        int[] counts = check(ref.toString(), library.load(ref), compiled, notCompiled);
        answered += counts[0];
      }
    }
    // Every shipped table is one the compiled tables take: lookups, and the add-on table, which
    // divides an input by another decision's result.
    assertThat(compiled)
        .contains(
            "tiered-perps@1 Maintenance bracket",
            "tiered-perps@2 Maintenance bracket",
            "tiered-perps@3 Maintenance bracket",
            "collateral-health@1 Collateral parameters",
            "risk-based-im@1 Market depth",
            "risk-based-im@2 Market depth");
    assertThat(compiled)
        .contains("risk-based-im@1 Concentration add-on", "risk-based-im@2 Concentration add-on");
    assertThat(notCompiled).isEmpty();
    assertThat(answered).isGreaterThan(500);
  }

  @Test
  void everyKindOfUnaryTest_sameOutputsAndRowsAsTheKieRuntime() {
    PolicyLibrary library = PolicyLibrary.at(Path.of("src/test/resources/bundles-compiled-tables"));
    TreeSet<String> compiled = new TreeSet<>();
    TreeSet<String> notCompiled = new TreeSet<>();
    int[] counts =
        check("tables@1", library.load(PolicyRef.parse("tables@1")), compiled, notCompiled);
    assertThat(compiled)
        .containsExactly(
            "tables@1 Depth",
            "tables@1 First match",
            "tables@1 Share of depth",
            "tables@1 Unique match");
    assertThat(notCompiled).containsExactly("tables@1 Not a lookup");
    assertThat(counts[0]).isGreaterThan(500);
    assertThat(counts[1]).as("inputs the compiled table leaves to the runtime").isGreaterThan(50);
  }

  /** Returns {answered by the compiled table, left to the runtime}. */
  private static int[] check(
      String ref, PolicyBundle bundle, TreeSet<String> compiled, TreeSet<String> notCompiled) {
    List<CompilationProblem> problems = new ArrayList<>();
    DmnModels dmn = DmnModels.compile(bundle, problems);
    assertThat(problems).as(ref).isEmpty();
    int answered = 0;
    int left = 0;
    if (dmn.runtime() == null) {
      return new int[] {0, 0}; // a bundle without decision tables (linear-flat)
    }
    for (DMNModel model : dmn.runtime().getModels()) {
      for (DecisionNode node : model.getDecisions()) {
        if (!(node.getDecision().getExpression() instanceof DecisionTable table)) {
          continue;
        }
        String name = node.getName();
        Optional<CompiledDecisionTable> maybe = CompiledDecisionTable.compile(model, name);
        if (maybe.isEmpty()) {
          notCompiled.add(ref + " " + name);
          continue;
        }
        compiled.add(ref + " " + name);
        CompiledDecisionTable ct = maybe.get();
        List<String> inputs = ct.inputs();
        List<List<Object>> candidates = new ArrayList<>();
        for (String input : inputs) {
          candidates.add(candidates(model, ct, input));
        }
        for (List<Object> combination : product(candidates)) {
          Map<String, Object> given = new TreeMap<>();
          for (int i = 0; i < inputs.size(); i++) {
            given.put(inputs.get(i), combination.get(i));
          }
          CompiledDecisionTable.Match match = ct.evaluate(combination.toArray());

          DMNContext context = dmn.runtime().newContext();
          given.forEach(context::set);
          DmnCapture.begin();
          DMNResult result;
          List<DmnCapture.TableEvaluation> events;
          try {
            result = dmn.runtime().evaluateByName(model, context, name);
          } finally {
            events = DmnCapture.end();
          }
          DMNDecisionResult decision = result.getDecisionResultByName(name);
          String what = ref + " " + name + " " + given;
          if (match != null) {
            answered++;
            assertThat(result.hasErrors()).as(what + " " + result.getMessages()).isFalse();
            assertThat(decision.getEvaluationStatus())
                .as(what)
                .isEqualTo(DMNDecisionResult.DecisionEvaluationStatus.SUCCEEDED);
            assertThat(normalised(match.output()))
                .as(what)
                .isEqualTo(normalised(decision.getResult()));
            assertThat(match.tables()).as(what).hasSameSizeAs(events);
            for (int t = 0; t < events.size(); t++) {
              DmnCapture.TableEvaluation event = events.get(t);
              CompiledDecisionTable.TableEvaluation mine = match.tables().get(t);
              assertThat(mine.index()).as(what).isEqualTo(t);
              assertThat(mine.table()).as(what).isEqualTo(event.table());
              assertThat(mine.table()).as(what).isEqualTo(ct.tables().get(t));
              assertThat(mine.matched()).as(what).isEqualTo(event.matched());
              assertThat(mine.selected()).as(what).isEqualTo(event.selected());
              assertThat(mine.selected()).as(what).containsExactly(mine.row());
            }
            assertThat(events.get(events.size() - 1).table()).isEqualTo(name);
          } else {
            left++;
            boolean unusualInput =
                given.values().stream()
                    .anyMatch(
                        v -> v == null || (v instanceof Number && !(v instanceof BigDecimal)));
            boolean runtimeFoundNothing =
                result.hasErrors()
                    || decision.getEvaluationStatus()
                        != DMNDecisionResult.DecisionEvaluationStatus.SUCCEEDED
                    || decision.getResult() == null;
            assertThat(unusualInput || runtimeFoundNothing)
                .as(what + " left to the runtime though the runtime gave " + decision.getResult())
                .isTrue();
          }
        }
      }
    }
    return new int[] {answered, left};
  }

  /** Maps by key order (KIE's map type is not part of the contract; DmnStage sorts it). */
  private static Object normalised(Object output) {
    if (output instanceof Map<?, ?> map) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      return sorted;
    }
    return output;
  }

  /**
   * Values to try for {@code input}: its type from the model; numbers from every input entry of the
   * decision's tables, and those times every number in their output entries (for inputs divided by
   * another decision's result), each with neighbours; strings from the entries.
   */
  private static List<Object> candidates(DMNModel model, CompiledDecisionTable ct, String input) {
    boolean number =
        model.getInputs().stream()
            .filter(i -> i.getName().equals(input))
            .findFirst()
            .orElseThrow()
            .getType()
            .getName()
            .equals("number");
    List<String> texts = new ArrayList<>();
    List<BigDecimal> factors = new ArrayList<>();
    for (String table : ct.tables()) {
      DecisionTable t =
          (DecisionTable) model.getDecisionByName(table).getDecision().getExpression();
      for (DecisionRule rule : t.getRule()) {
        rule.getInputEntry().forEach(e -> texts.add(e.getText()));
        rule.getOutputEntry()
            .forEach(
                e -> {
                  Matcher m = NUMBER.matcher(e.getText());
                  while (m.find()) {
                    factors.add(new BigDecimal(m.group()));
                  }
                });
      }
    }
    List<Object> values = new ArrayList<>();
    values.add(null);
    if (number) {
      TreeSet<BigDecimal> ends = new TreeSet<>();
      for (String text : texts) {
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
          ends.add(new BigDecimal(m.group()));
        }
      }
      for (BigDecimal e : List.copyOf(ends)) {
        for (BigDecimal f : factors) {
          if (f.abs().compareTo(BigDecimal.TEN) > 0) {
            ends.add(e.multiply(f));
          }
        }
      }
      ends.add(BigDecimal.ZERO);
      BigDecimal tiny = new BigDecimal("1E-20");
      for (BigDecimal e : ends) {
        values.add(e);
        values.add(e.setScale(e.scale() + 3));
        values.add(e.subtract(BigDecimal.ONE));
        values.add(e.add(BigDecimal.ONE));
        values.add(e.subtract(tiny));
        values.add(e.add(tiny));
        values.add(e.subtract(new BigDecimal("0.001")));
        values.add(e.add(new BigDecimal("0.001")));
        values.add(e.negate());
      }
      BigDecimal max = ends.last().abs().max(BigDecimal.ONE);
      SplittableRandom random = new SplittableRandom(14);
      for (int i = 0; i < 60; i++) {
        double x = (random.nextDouble() * 1.3 - 0.1) * max.doubleValue();
        values.add(new BigDecimal(x, MathContext.DECIMAL64));
        values.add(
            BigDecimal.valueOf(random.nextLong(0, max.longValue() + 2), random.nextInt(0, 4)));
      }
      values.add(new BigDecimal("1234567890123456789012345678901234567890.123"));
      values.add(new BigDecimal("0.0000000000000000000000000000000000000001"));
      values.add(new BigDecimal("-1E+40"));
      values.add(1);
      values.add(2.5d);
      values.add(Long.valueOf(ends.last().longValue()));
    } else {
      TreeSet<String> strings = new TreeSet<>();
      for (String text : texts) {
        Matcher m = STRING.matcher(text);
        while (m.find()) {
          strings.add(m.group(1));
        }
      }
      for (String s : strings) {
        values.add(s);
        values.add(s.toLowerCase(java.util.Locale.ROOT));
        values.add(s + " ");
      }
      values.add("");
      values.add("OTHER");
    }
    return values;
  }

  private static List<List<Object>> product(List<List<Object>> sets) {
    List<List<Object>> out = new ArrayList<>();
    out.add(List.of());
    for (List<Object> set : sets) {
      List<List<Object>> next = new ArrayList<>();
      for (List<Object> prefix : out) {
        for (Object v : set) {
          List<Object> l = new ArrayList<>(prefix);
          l.add(v);
          next.add(l);
        }
      }
      out = next;
    }
    return out;
  }
}
