package io.fulcrum.engine.dmn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DMNNode;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.core.ast.DMNBaseNode;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.HitPolicy;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.UnaryTests;

/**
 * A DMN decision table compiled, at policy compile time, into plain Java tests, for the tables
 * whose evaluation is a pure lookup: the decision needs input data only (no other decision, no
 * knowledge source); every input expression is the name of one of those inputs, of the built-in
 * type {@code number} or {@code string} without allowed values; every input entry is {@code -} or a
 * comma list of simple unary tests (a number or string literal, {@code < <= > >=} a number, a range
 * {@code [a..b]}, {@code (a..b)}, {@code ]a..b[} and mixed ends, over number literals); every
 * output entry is a literal (number, string, {@code true}, {@code false}, {@code null}) of its
 * column's built-in type; hit policy {@code UNIQUE} or {@code FIRST}; no default output, no allowed
 * output values. {@link #compile} returns empty for any other table, which the KIE DMN runtime then
 * evaluates as before.
 *
 * <p>Semantics are those of the KIE DMN runtime (FEEL): numbers compare by value ({@link
 * BigDecimal#compareTo}); literals are the values KIE's FEEL gives the same text, so an output
 * carries the same scale; rows are numbered from 1 in document order; every row is tested and all
 * matching rows are reported, the first one selected ({@code FIRST}) or the only one ({@code
 * UNIQUE}). {@link #evaluate} answers only when its answer is certain to be the runtime's: a value
 * that is not a {@link BigDecimal} in a number column or a {@link String} in a string column (null
 * included), no matching row, or several under {@code UNIQUE} return null, and the caller asks the
 * KIE runtime, which then reports the gap, the violation or the type error exactly as before. A
 * test in {@code rules} evaluates every shipped table both ways on boundaries, random values and
 * no-match cases and requires identical outputs and rows.
 *
 * <p>Immutable; thread-safe; {@link #evaluate} allocates nothing when one row matches.
 */
public final class CompiledDecisionTable {

  /** What a table evaluation gave: rows 1-based; {@code output} as the KIE runtime returns it. */
  public record Match(List<Integer> matched, List<Integer> selected, int row, Object output) {}

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern STRING = Pattern.compile("\"[^\"\\\\]*\"");
  private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(-?\\d+(\\.\\d+)?)");
  private static final Pattern RANGE =
      Pattern.compile(
          "([\\[(\\]])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*([\\])\\[])");

  private final String decision;
  private final boolean first;
  private final List<String> columnInputs;
  private final boolean[] numberColumn;
  private final Test[][] tests;
  private final Object[] outputs;
  private final List<List<Integer>> singletons;

  private CompiledDecisionTable(
      String decision,
      boolean first,
      List<String> columnInputs,
      boolean[] numberColumn,
      Test[][] tests,
      Object[] outputs) {
    this.decision = decision;
    this.first = first;
    this.columnInputs = List.copyOf(columnInputs);
    this.numberColumn = numberColumn;
    this.tests = tests;
    this.outputs = outputs;
    List<List<Integer>> lists = new ArrayList<>();
    for (int r = 1; r <= tests.length; r++) {
      lists.add(List.of(r));
    }
    this.singletons = List.copyOf(lists);
  }

  /** The decision whose table this is. */
  public String decision() {
    return decision;
  }

  /** The input data each column reads, left to right (a name may repeat). */
  public List<String> columnInputs() {
    return columnInputs;
  }

  /**
   * Evaluates the table on the values of its columns (in {@link #columnInputs()} order); null when
   * the KIE runtime must decide (see the class comment).
   */
  public Match evaluate(Object[] columns) {
    for (int c = 0; c < columns.length; c++) {
      Object v = columns[c];
      if (numberColumn[c] ? !(v instanceof BigDecimal) : !(v instanceof String)) {
        return null;
      }
    }
    int firstMatch = -1;
    List<Integer> more = null;
    for (int r = 0; r < tests.length; r++) {
      if (matches(tests[r], columns)) {
        if (firstMatch < 0) {
          firstMatch = r;
        } else {
          if (!first) {
            return null; // UNIQUE violated: the runtime reports it
          }
          if (more == null) {
            more = new ArrayList<>();
            more.add(firstMatch + 1);
          }
          more.add(r + 1);
        }
      }
    }
    if (firstMatch < 0) {
      return null;
    }
    List<Integer> selected = singletons.get(firstMatch);
    return new Match(
        more == null ? selected : List.copyOf(more), selected, firstMatch + 1, outputs[firstMatch]);
  }

  private static boolean matches(Test[] row, Object[] columns) {
    for (int c = 0; c < row.length; c++) {
      if (!row[c].test(columns[c])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The compiled table of decision {@code decisionName} of {@code model}, or empty when the
   * decision is not a table this class evaluates exactly as the runtime does.
   */
  public static Optional<CompiledDecisionTable> compile(DMNModel model, String decisionName) {
    DecisionNode node = model.getDecisionByName(decisionName);
    if (node == null) {
      return Optional.empty();
    }
    Decision decision = node.getDecision();
    if (!(decision.getExpression() instanceof org.kie.dmn.model.api.DecisionTable table)) {
      return Optional.empty();
    }
    if (!decision.getKnowledgeRequirement().isEmpty()
        || !decision.getAuthorityRequirement().isEmpty()
        || (table.getHitPolicy() != HitPolicy.UNIQUE && table.getHitPolicy() != HitPolicy.FIRST)
        || table.getAggregation() != null
        || table.getOutput().isEmpty()
        || table.getRule().isEmpty()) {
      return Optional.empty();
    }
    if (!(node instanceof DMNBaseNode base)) {
      return Optional.empty();
    }
    Map<String, DMNNode> dependencies = base.getDependencies();
    for (DMNNode dependency : dependencies.values()) {
      if (!(dependency instanceof InputDataNode)) {
        return Optional.empty();
      }
    }
    // Input columns: a required input of a built-in number or string type, read as is.
    List<String> columnInputs = new ArrayList<>();
    boolean[] numberColumn = new boolean[table.getInput().size()];
    for (int c = 0; c < table.getInput().size(); c++) {
      InputClause in = table.getInput().get(c);
      LiteralExpression expression = in.getInputExpression();
      if (expression == null || in.getInputValues() != null || expression.getText() == null) {
        return Optional.empty();
      }
      String name = expression.getText().strip();
      if (!(dependencies.get(name) instanceof InputDataNode input)) {
        return Optional.empty();
      }
      String type = builtIn(input.getType());
      String columnType = builtIn(expression.getTypeRef());
      if (type == null
          || (!type.equals("number") && !type.equals("string"))
          || (expression.getTypeRef() != null && !type.equals(columnType))) {
        return Optional.empty();
      }
      numberColumn[c] = type.equals("number");
      columnInputs.add(name);
    }
    // Output columns: built-in types, no allowed values, no default.
    List<String> outputTypes = new ArrayList<>();
    for (OutputClause out : table.getOutput()) {
      String type = out.getTypeRef() == null ? "Any" : builtIn(out.getTypeRef());
      if (type == null
          || out.getOutputValues() != null
          || out.getDefaultOutputEntry() != null
          || (table.getOutput().size() > 1 && (out.getName() == null || out.getName().isBlank()))) {
        return Optional.empty();
      }
      outputTypes.add(type);
    }
    QName resultRef = decision.getVariable() == null ? null : decision.getVariable().getTypeRef();
    if (resultRef != null) {
      String resultType = builtIn(resultRef);
      if (resultType == null
          || table.getOutput().size() > 1
          || (!resultType.equals("Any") && !resultType.equals(outputTypes.get(0)))) {
        return Optional.empty();
      }
    }
    FEEL feel = FEEL.newInstance(CompiledDecisionTable.class.getClassLoader(), List.of());
    Test[][] tests = new Test[table.getRule().size()][];
    Object[] outputs = new Object[table.getRule().size()];
    for (int r = 0; r < table.getRule().size(); r++) {
      DecisionRule rule = table.getRule().get(r);
      if (rule.getInputEntry().size() != numberColumn.length
          || rule.getOutputEntry().size() != outputTypes.size()) {
        return Optional.empty();
      }
      tests[r] = new Test[numberColumn.length];
      for (int c = 0; c < numberColumn.length; c++) {
        UnaryTests entry = rule.getInputEntry().get(c);
        Test test =
            entry.getText() == null ? null : test(entry.getText().strip(), numberColumn[c], feel);
        if (test == null) {
          return Optional.empty();
        }
        tests[r][c] = test;
      }
      Map<String, Object> values = new TreeMap<>();
      for (int o = 0; o < outputTypes.size(); o++) {
        LiteralExpression entry = rule.getOutputEntry().get(o);
        Optional<Object> value = literal(entry.getText(), outputTypes.get(o), feel);
        if (value == null) {
          return Optional.empty();
        }
        values.put(table.getOutput().get(o).getName(), value.orElse(null));
      }
      outputs[r] =
          outputTypes.size() == 1
              ? values.values().iterator().next()
              : Collections.unmodifiableSortedMap((TreeMap<String, Object>) values);
    }
    return Optional.of(
        new CompiledDecisionTable(
            decisionName,
            table.getHitPolicy() == HitPolicy.FIRST,
            columnInputs,
            numberColumn,
            tests,
            outputs));
  }

  /** {@code number}, {@code string}, {@code boolean} or {@code Any} for a built-in FEEL type. */
  private static String builtIn(DMNType type) {
    if (type == null
        || type.getBaseType() != null
        || type.isCollection()
        || type.isComposite()
        || (type.getAllowedValues() != null && !type.getAllowedValues().isEmpty())) {
      return null;
    }
    return builtInName(type.getName());
  }

  private static String builtIn(QName ref) {
    if (ref == null || !ref.getPrefix().isEmpty() || !ref.getNamespaceURI().isEmpty()) {
      return null;
    }
    return builtInName(ref.getLocalPart());
  }

  private static String builtInName(String name) {
    return switch (name == null ? "" : name) {
      case "number", "string", "boolean", "Any" -> name;
      default -> null;
    };
  }

  /**
   * An output literal's value as KIE's FEEL gives it, {@code Optional.empty()} for {@code null};
   * null when the text is not a literal of the column's type.
   */
  private static Optional<Object> literal(String text, String type, FEEL feel) {
    String t = text == null ? "" : text.strip();
    boolean ok =
        switch (t) {
          case "null" -> true;
          case "true", "false" -> type.equals("boolean") || type.equals("Any");
          default ->
              NUMBER.matcher(t).matches()
                  ? type.equals("number") || type.equals("Any")
                  : STRING.matcher(t).matches() && (type.equals("string") || type.equals("Any"));
        };
    if (!ok) {
      return null;
    }
    return Optional.ofNullable(feel.evaluate(t));
  }

  /** A test for an input entry, or null when it is not one this class compiles. */
  private static Test test(String text, boolean number, FEEL feel) {
    if (text.equals("-")) {
      return v -> true;
    }
    List<String> parts = split(text);
    if (parts == null || parts.isEmpty()) {
      return null;
    }
    List<Test> any = new ArrayList<>();
    for (String part : parts) {
      Test t = number ? numberTest(part, feel) : stringTest(part, feel);
      if (t == null) {
        return null;
      }
      any.add(t);
    }
    if (any.size() == 1) {
      return any.get(0);
    }
    Test[] all = any.toArray(Test[]::new);
    return v -> {
      for (Test t : all) {
        if (t.test(v)) {
          return true;
        }
      }
      return false;
    };
  }

  private static Test stringTest(String part, FEEL feel) {
    if (!STRING.matcher(part).matches()) {
      return null;
    }
    Object value = feel.evaluate(part);
    if (!(value instanceof String s)) {
      return null;
    }
    return s::equals;
  }

  private static Test numberTest(String part, FEEL feel) {
    if (NUMBER.matcher(part).matches()) {
      BigDecimal value = number(part, feel);
      return value == null ? null : v -> ((BigDecimal) v).compareTo(value) == 0;
    }
    Matcher m = COMPARISON.matcher(part);
    if (m.matches()) {
      BigDecimal value = number(m.group(2), feel);
      if (value == null) {
        return null;
      }
      return switch (m.group(1)) {
        case "<" -> v -> ((BigDecimal) v).compareTo(value) < 0;
        case "<=" -> v -> ((BigDecimal) v).compareTo(value) <= 0;
        case ">" -> v -> ((BigDecimal) v).compareTo(value) > 0;
        default -> v -> ((BigDecimal) v).compareTo(value) >= 0;
      };
    }
    m = RANGE.matcher(part);
    if (m.matches()) {
      boolean lowClosed = m.group(1).equals("[");
      boolean highClosed = m.group(4).equals("]");
      BigDecimal low = number(m.group(2), feel);
      BigDecimal high = number(m.group(3), feel);
      if (low == null || high == null) {
        return null;
      }
      return v -> {
        BigDecimal x = (BigDecimal) v;
        int lo = x.compareTo(low);
        int hi = x.compareTo(high);
        return (lowClosed ? lo >= 0 : lo > 0) && (highClosed ? hi <= 0 : hi < 0);
      };
    }
    return null;
  }

  private static BigDecimal number(String text, FEEL feel) {
    return feel.evaluate(text) instanceof BigDecimal b ? b : null;
  }

  /** Splits a comma list at top level (outside quotes and brackets); null if unbalanced. */
  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '\\') {
          return null;
        }
        if (ch == '"') {
          quoted = false;
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == '[' || ch == '(') {
        depth++;
      } else if (ch == ']' || ch == ')') {
        depth = Math.max(0, depth - 1);
      } else if (ch == ',' && depth == 0) {
        parts.add(text.substring(start, i).strip());
        start = i + 1;
      }
    }
    if (quoted) {
      return null;
    }
    parts.add(text.substring(start).strip());
    return parts;
  }

  /** One input entry's test; the value has the column's type (checked before). */
  @FunctionalInterface
  private interface Test {
    boolean test(Object value);
  }
}
