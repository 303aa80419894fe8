package io.fulcrum.engine.dmn;

import java.math.BigDecimal;
import java.math.MathContext;
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
 * A DMN decision compiled, at policy compile time, into plain Java, for decisions whose logic is a
 * decision table that is a lookup over numbers and strings. Accepted: hit policy {@code UNIQUE} or
 * {@code FIRST}, no aggregation, no default output, no allowed input or output values, built-in
 * types only ({@code number}, {@code string}, {@code boolean}, {@code Any}); the decision requires
 * input data and other decisions that are themselves accepted (each reached once), nothing else;
 * every input entry is {@code -} or a comma list of simple unary tests (a number or string literal,
 * {@code < <= > >=} a number, a range {@code [a..b]}, {@code (a..b)}, {@code ]a..b[} and mixed
 * ends, over number literals); every input expression and output entry is a literal (number,
 * string, {@code true}, {@code false}, {@code null}) or an expression of the small FEEL subset
 * {@code name}, {@code abs(e)}, {@code e / e}, {@code if name = null then e else e} over number
 * values (names: the decision's required inputs and decisions, as the FEEL scope has them). {@link
 * #compile} returns empty for any other decision, which the KIE DMN runtime then evaluates as
 * before.
 *
 * <p>Semantics are those of the KIE DMN runtime (FEEL): numbers compare by value ({@link
 * BigDecimal#compareTo}); literals are the values KIE's FEEL gives the same text (same scale);
 * {@code a / b} is {@code a.divide(b, MathContext.DECIMAL128)} and {@code abs} is {@link
 * BigDecimal#abs()}, as in KIE's FEEL; required decisions are evaluated first, in the order the
 * decision lists them; rows are numbered from 1 in document order; every row is tested and all
 * matching rows are reported, the first one selected ({@code FIRST}) or the only one ({@code
 * UNIQUE}). {@link #evaluate} answers only when its answer is certain to be the runtime's: an input
 * of another Java type than its column's ({@link BigDecimal} for numbers, {@link String} for
 * strings), a null where a value is compared or computed with, a division by zero, no matching row
 * or several under {@code UNIQUE} all return null, and the caller asks the KIE runtime, which then
 * reports the gap, the violation or the type error exactly as before. {@code
 * CompiledDecisionTableEquivalenceTest} evaluates every shipped table both ways on interval ends,
 * random values, nulls and no-match cases and requires identical outputs and rows.
 *
 * <p>Immutable; thread-safe.
 */
public final class CompiledDecisionTable {

  /**
   * One table evaluated: its decision's name, its index in {@link #tables()}, rows 1-based.
   *
   * @param row the selected row
   */
  public record TableEvaluation(
      int index, String table, List<Integer> matched, List<Integer> selected, int row) {}

  /**
   * What an evaluation gave: the tables in the order the runtime evaluates them (required decisions
   * first, this decision last) and the decision's output as the runtime returns it (a value, or a
   * map by output name for several outputs).
   */
  public record Match(List<TableEvaluation> tables, Object output) {}

  private static final Object FAIL = new Object();
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern STRING = Pattern.compile("\"[^\"\\\\]*\"");
  private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(-?\\d+(\\.\\d+)?)");
  private static final Pattern RANGE =
      Pattern.compile(
          "([\\[(\\]])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*([\\])\\[])");

  private final List<String> inputs;
  private final boolean[] numberInput;
  private final List<Node> nodes;
  private final int slots;

  private CompiledDecisionTable(
      List<String> inputs, boolean[] numberInput, List<Node> nodes, int slots) {
    this.inputs = List.copyOf(inputs);
    this.numberInput = numberInput;
    this.nodes = List.copyOf(nodes);
    this.slots = slots;
  }

  /** The input data the decision reads (its own and its required decisions'), in name order. */
  public List<String> inputs() {
    return inputs;
  }

  /** The decisions whose tables are evaluated, in evaluation order; the decision itself last. */
  public List<String> tables() {
    return nodes.stream().map(n -> n.decision).toList();
  }

  /**
   * Evaluates the decision on the values of {@link #inputs()} (same order); null when the KIE
   * runtime must decide (see the class comment).
   */
  public Match evaluate(Object[] values) {
    Object[] scope = new Object[slots];
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v != null && (numberInput[i] ? !(v instanceof BigDecimal) : !(v instanceof String))) {
        return null;
      }
      scope[i] = v;
    }
    TableEvaluation[] evaluated = new TableEvaluation[nodes.size()];
    Object output = null;
    for (int n = 0; n < nodes.size(); n++) {
      Node node = nodes.get(n);
      int[] matched = node.match(scope);
      if (matched == null) {
        return null;
      }
      int row = matched[0];
      Object[] rowOutputs = null;
      for (int r : matched) {
        Object[] o = node.outputs(r, scope);
        if (o == null) {
          return null;
        }
        if (r == row) {
          rowOutputs = o;
        }
      }
      output = node.result(row, rowOutputs);
      scope[node.slot] = output;
      List<Integer> selected = node.singletons.get(row);
      evaluated[n] =
          new TableEvaluation(
              n, node.decision, matched.length == 1 ? selected : rows(matched), selected, row + 1);
    }
    return new Match(List.of(evaluated), output);
  }

  private static List<Integer> rows(int[] matched) {
    Integer[] rows = new Integer[matched.length];
    for (int i = 0; i < matched.length; i++) {
      rows[i] = matched[i] + 1;
    }
    return List.of(rows);
  }

  /** One compiled table. */
  private static final class Node {
    final String decision;
    final int slot;
    final boolean first;
    final Expr[] columns;
    final boolean[] numberColumn;
    final Test[][] tests;
    final Expr[][] outputs;
    final String[] outputNames;
    final Object[] constantResults;
    final List<List<Integer>> singletons;

    Node(
        String decision,
        int slot,
        boolean first,
        Expr[] columns,
        boolean[] numberColumn,
        Test[][] tests,
        Expr[][] outputs,
        String[] outputNames) {
      this.decision = decision;
      this.slot = slot;
      this.first = first;
      this.columns = columns;
      this.numberColumn = numberColumn;
      this.tests = tests;
      this.outputs = outputs;
      this.outputNames = outputNames;
      this.constantResults = new Object[tests.length];
      List<List<Integer>> lists = new ArrayList<>();
      for (int r = 0; r < tests.length; r++) {
        lists.add(List.of(r + 1));
        Object[] constant = new Object[outputs[r].length];
        boolean allConstant = true;
        for (int o = 0; o < constant.length; o++) {
          if (outputs[r][o] instanceof Constant c) {
            constant[o] = c.value;
          } else {
            allConstant = false;
          }
        }
        constantResults[r] = allConstant ? freeze(result(constant)) : null;
      }
      this.singletons = List.copyOf(lists);
    }

    /** 0-based matching rows, or null when the runtime must decide. */
    int[] match(Object[] scope) {
      Object[] cells = new Object[columns.length];
      for (int c = 0; c < columns.length; c++) {
        Object v = columns[c].eval(scope);
        if (numberColumn[c] ? !(v instanceof BigDecimal) : !(v instanceof String)) {
          return null;
        }
        cells[c] = v;
      }
      int firstMatch = -1;
      int count = 0;
      int[] all = null;
      for (int r = 0; r < tests.length; r++) {
        if (matches(tests[r], cells)) {
          if (count == 0) {
            firstMatch = r;
          } else {
            if (!first) {
              return null; // UNIQUE violated: the runtime reports it
            }
            if (all == null) {
              all = new int[tests.length];
              all[0] = firstMatch;
            }
            all[count] = r;
          }
          count++;
        }
      }
      if (count == 0) {
        return null;
      }
      return count == 1 ? new int[] {firstMatch} : java.util.Arrays.copyOf(all, count);
    }

    /** Row {@code r}'s output values, or null when one cannot be computed here. */
    Object[] outputs(int r, Object[] scope) {
      if (constantResults[r] != null) {
        return new Object[0];
      }
      Object[] values = new Object[outputs[r].length];
      for (int o = 0; o < values.length; o++) {
        Object v = outputs[r][o].eval(scope);
        if (v == FAIL) {
          return null;
        }
        values[o] = v;
      }
      return values;
    }

    Object result(int r, Object[] values) {
      return constantResults[r] != null ? constantResults[r] : result(values);
    }

    private Object result(Object[] values) {
      if (outputNames.length == 1) {
        return values[0];
      }
      TreeMap<String, Object> map = new TreeMap<>();
      for (int o = 0; o < values.length; o++) {
        map.put(outputNames[o], values[o]);
      }
      return map;
    }

    @SuppressWarnings("unchecked")
    private static Object freeze(Object result) {
      return result instanceof TreeMap<?, ?> m
          ? Collections.unmodifiableSortedMap((TreeMap<String, Object>) m)
          : result;
    }
  }

  private static boolean matches(Test[] row, Object[] cells) {
    for (int c = 0; c < row.length; c++) {
      if (!row[c].test(cells[c])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The compiled decision {@code decisionName} of {@code model}, or empty when it is not one this
   * class evaluates exactly as the runtime does.
   */
  public static Optional<CompiledDecisionTable> compile(DMNModel model, String decisionName) {
    DecisionNode node = model.getDecisionByName(decisionName);
    if (node == null) {
      return Optional.empty();
    }
    Compilation c =
        new Compilation(FEEL.newInstance(CompiledDecisionTable.class.getClassLoader(), List.of()));
    if (!c.collectInputs(node, new java.util.HashSet<>())) {
      return Optional.empty();
    }
    if (c.node(node) == null) {
      return Optional.empty();
    }
    boolean[] number = new boolean[c.inputs.size()];
    for (int i = 0; i < number.length; i++) {
      number[i] = c.inputTypes.get(c.inputs.get(i)).equals("number");
    }
    return Optional.of(new CompiledDecisionTable(c.inputs, number, c.nodes, c.slots));
  }

  /** State of one compilation. */
  private static final class Compilation {
    final FEEL feel;
    final List<String> inputs = new ArrayList<>();
    final Map<String, String> inputTypes = new TreeMap<>();
    final Map<String, Integer> decisionSlots = new java.util.HashMap<>();
    final List<Node> nodes = new ArrayList<>();
    int slots;

    Compilation(FEEL feel) {
      this.feel = feel;
    }

    /** Input data of the decision and its required decisions, by name; false if unsupported. */
    boolean collectInputs(DecisionNode node, java.util.Set<String> seen) {
      if (!seen.add(node.getName()) || !(node instanceof DMNBaseNode base)) {
        return false; // a decision reached twice: the runtime evaluates it once; keep it simple
      }
      for (DMNNode dependency : base.getDependencies().values()) {
        if (dependency instanceof InputDataNode input) {
          String type = builtIn(input.getType());
          if (type == null || !(type.equals("number") || type.equals("string"))) {
            return false;
          }
          String known = inputTypes.putIfAbsent(input.getName(), type);
          if (known != null && !known.equals(type)) {
            return false;
          }
        } else if (dependency instanceof DecisionNode required) {
          if (!collectInputs(required, seen)) {
            return false;
          }
        } else {
          return false;
        }
      }
      inputs.clear(); // the outermost call, which returns last, leaves them all, in name order
      inputs.addAll(inputTypes.keySet());
      slots = inputs.size();
      return true;
    }

    /** Compiles {@code node} after its required decisions; returns its slot, or null. */
    Integer node(DecisionNode node) {
      Decision decision = node.getDecision();
      if (!(decision.getExpression() instanceof org.kie.dmn.model.api.DecisionTable table)
          || !decision.getKnowledgeRequirement().isEmpty()
          || !decision.getAuthorityRequirement().isEmpty()
          || (table.getHitPolicy() != HitPolicy.UNIQUE && table.getHitPolicy() != HitPolicy.FIRST)
          || table.getAggregation() != null
          || table.getOutput().isEmpty()
          || table.getRule().isEmpty()) {
        return null;
      }
      // Scope: the decision's direct dependencies, by name.
      Map<String, Integer> scope = new java.util.HashMap<>();
      Map<String, String> scopeTypes = new java.util.HashMap<>();
      for (DMNNode dependency : ((DMNBaseNode) node).getDependencies().values()) {
        if (dependency instanceof InputDataNode input) {
          scope.put(input.getName(), inputs.indexOf(input.getName()));
          scopeTypes.put(input.getName(), inputTypes.get(input.getName()));
        } else {
          DecisionNode required = (DecisionNode) dependency;
          Integer slot = node(required);
          if (slot == null) {
            return null;
          }
          String type =
              builtIn(
                  required.getDecision().getVariable() == null
                      ? null
                      : required.getDecision().getVariable().getTypeRef());
          scope.put(required.getName(), slot);
          scopeTypes.put(required.getName(), type == null ? "?" : type);
        }
      }
      Expr[] columns = new Expr[table.getInput().size()];
      boolean[] numberColumn = new boolean[columns.length];
      for (int c = 0; c < columns.length; c++) {
        InputClause in = table.getInput().get(c);
        LiteralExpression expression = in.getInputExpression();
        if (expression == null || in.getInputValues() != null || expression.getText() == null) {
          return null;
        }
        String text = expression.getText().strip();
        String columnType =
            expression.getTypeRef() == null ? null : builtIn(expression.getTypeRef());
        if (scope.containsKey(text)) {
          String type = scopeTypes.get(text);
          if (!"number".equals(type) && !"string".equals(type)
              || (expression.getTypeRef() != null && !type.equals(columnType))) {
            return null;
          }
          int slot = scope.get(text);
          columns[c] = s -> s[slot];
          numberColumn[c] = type.equals("number");
        } else {
          if (!"number".equals(columnType)) {
            return null;
          }
          Expr e = new ExpressionParser(text, scope, scopeTypes, feel).parse();
          if (e == null) {
            return null;
          }
          columns[c] = e;
          numberColumn[c] = true;
        }
      }
      List<String> outputTypes = new ArrayList<>();
      String[] outputNames = new String[table.getOutput().size()];
      for (int o = 0; o < outputNames.length; o++) {
        OutputClause out = table.getOutput().get(o);
        String type = out.getTypeRef() == null ? "Any" : builtIn(out.getTypeRef());
        if (type == null
            || out.getOutputValues() != null
            || out.getDefaultOutputEntry() != null
            || (outputNames.length > 1 && (out.getName() == null || out.getName().isBlank()))) {
          return null;
        }
        outputTypes.add(type);
        outputNames[o] = out.getName();
      }
      QName resultRef = decision.getVariable() == null ? null : decision.getVariable().getTypeRef();
      if (resultRef != null) {
        String resultType = builtIn(resultRef);
        if (resultType == null
            || outputNames.length > 1
            || (!resultType.equals("Any") && !resultType.equals(outputTypes.get(0)))) {
          return null;
        }
      }
      Test[][] tests = new Test[table.getRule().size()][];
      Expr[][] outputs = new Expr[table.getRule().size()][];
      for (int r = 0; r < tests.length; r++) {
        DecisionRule rule = table.getRule().get(r);
        if (rule.getInputEntry().size() != columns.length
            || rule.getOutputEntry().size() != outputNames.length) {
          return null;
        }
        tests[r] = new Test[columns.length];
        for (int c = 0; c < columns.length; c++) {
          UnaryTests entry = rule.getInputEntry().get(c);
          Test test =
              entry.getText() == null ? null : test(entry.getText().strip(), numberColumn[c], feel);
          if (test == null) {
            return null;
          }
          tests[r][c] = test;
        }
        outputs[r] = new Expr[outputNames.length];
        for (int o = 0; o < outputNames.length; o++) {
          String text = rule.getOutputEntry().get(o).getText();
          text = text == null ? "" : text.strip();
          Optional<Object> value = literal(text, outputTypes.get(o), feel);
          if (value != null) {
            outputs[r][o] = new Constant(value.orElse(null));
          } else if (outputTypes.get(o).equals("number") || outputTypes.get(o).equals("Any")) {
            Expr e = new ExpressionParser(text, scope, scopeTypes, feel).parse();
            if (e == null) {
              return null;
            }
            outputs[r][o] = e;
          } else {
            return null;
          }
        }
      }
      int slot = slots++;
      decisionSlots.put(node.getName(), slot);
      nodes.add(
          new Node(
              node.getName(),
              slot,
              table.getHitPolicy() == HitPolicy.FIRST,
              columns,
              numberColumn,
              tests,
              outputs,
              outputNames));
      return slot;
    }
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

  /** An expression over the scope; returns {@link #FAIL} when the runtime must decide. */
  @FunctionalInterface
  private interface Expr {
    Object eval(Object[] scope);
  }

  private record Constant(Object value) implements Expr {
    @Override
    public Object eval(Object[] scope) {
      return value;
    }
  }

  /**
   * Parses the FEEL subset {@code literal | name | abs(e) | e / e | if name = null then e else e}
   * (left-associative division, parentheses); null for anything else. Names are matched longest
   * first among the scope's names (FEEL names may hold spaces).
   */
  private static final class ExpressionParser {
    private final String text;
    private final Map<String, Integer> scope;
    private final Map<String, String> types;
    private final FEEL feel;
    private final List<String> names;
    private int at;

    ExpressionParser(
        String text, Map<String, Integer> scope, Map<String, String> types, FEEL feel) {
      this.text = text;
      this.scope = scope;
      this.types = types;
      this.feel = feel;
      this.names = new ArrayList<>(scope.keySet());
      names.sort((a, b) -> b.length() - a.length());
    }

    Expr parse() {
      Expr e = expression();
      skip();
      return e != null && at == text.length() ? e : null;
    }

    private Expr expression() {
      skip();
      if (keyword("if")) {
        skip();
        String name = name();
        if (name == null) {
          return null;
        }
        skip();
        if (!symbol("=")) {
          return null;
        }
        skip();
        if (!keyword("null")) {
          return null;
        }
        skip();
        if (!keyword("then")) {
          return null;
        }
        Expr then = expression();
        skip();
        if (then == null || !keyword("else")) {
          return null;
        }
        Expr otherwise = expression();
        if (otherwise == null) {
          return null;
        }
        int slot = scope.get(name);
        return s -> s[slot] == null ? then.eval(s) : otherwise.eval(s);
      }
      Expr left = term();
      while (left != null) {
        skip();
        if (!symbol("/")) {
          break;
        }
        Expr l = left;
        Expr right = term();
        if (right == null) {
          return null;
        }
        left =
            s -> {
              Object a = l.eval(s);
              Object b = right.eval(s);
              if (a instanceof BigDecimal x && b instanceof BigDecimal y && y.signum() != 0) {
                return x.divide(y, MathContext.DECIMAL128);
              }
              return FAIL;
            };
      }
      return left;
    }

    private Expr term() {
      skip();
      Matcher m = NUMBER.matcher(text).region(at, text.length());
      if (m.lookingAt() && !text.startsWith("-", at)) {
        at = m.end();
        Object value = feel.evaluate(m.group());
        return value instanceof BigDecimal ? new Constant(value) : null;
      }
      if (keyword("abs")) {
        skip();
        if (!symbol("(")) {
          return null;
        }
        Expr inner = expression();
        skip();
        if (inner == null || !symbol(")")) {
          return null;
        }
        return s -> inner.eval(s) instanceof BigDecimal b ? b.abs() : FAIL;
      }
      if (symbol("(")) {
        Expr inner = expression();
        skip();
        return inner != null && symbol(")") ? inner : null;
      }
      String name = name();
      if (name == null || !"number".equals(types.get(name))) {
        return null;
      }
      int slot = scope.get(name);
      return s -> s[slot] instanceof BigDecimal b ? b : FAIL;
    }

    private String name() {
      for (String n : names) {
        if (text.startsWith(n, at) && boundary(at + n.length())) {
          at += n.length();
          return n;
        }
      }
      return null;
    }

    private boolean keyword(String word) {
      if (text.startsWith(word, at) && boundary(at + word.length())) {
        // a scope name that starts with the keyword (e.g. "if rate") wins
        for (String n : names) {
          if (n.length() > word.length() && text.startsWith(n, at) && boundary(at + n.length())) {
            return false;
          }
        }
        at += word.length();
        return true;
      }
      return false;
    }

    private boolean symbol(String s) {
      if (text.startsWith(s, at)) {
        at += s.length();
        return true;
      }
      return false;
    }

    private boolean boundary(int i) {
      return i >= text.length()
          || !Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) != '_';
    }

    private void skip() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }
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
