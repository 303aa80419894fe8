package io.fulcrum.engine.policy;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.fulcrum.engine.runtime.AccountFact;
import io.fulcrum.engine.runtime.CollateralFact;
import io.fulcrum.engine.runtime.LiquidationPrices;
import io.fulcrum.engine.runtime.MeasureFact;
import io.fulcrum.engine.runtime.Parameters;
import io.fulcrum.engine.runtime.PortfolioRequirement;
import io.fulcrum.engine.runtime.PositionFact;
import io.fulcrum.engine.runtime.TableParameters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The string names rules use through the fact API ({@code number("maxLeverage")}, {@code
 * setRatio("effectiveLeverage", ...)}, ...), collected from the parsed rule code, and the check
 * that every name read is defined: a parameter by the manifest or a decision table, a metric,
 * component or flag by some rule. A misspelt name would otherwise make a condition silently false
 * or fail every decision at run time.
 */
final class PolicyNames {

  /** What a name refers to; the label is how messages call it. */
  enum Kind {
    PARAMETER("parameter"),
    POSITION_PARAMETER("position parameter"),
    COLLATERAL_PARAMETER("collateral parameter"),
    METRIC("metric"),
    COMPONENT("component"),
    FLAG("flag"),
    MEASURE("measure");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /**
   * One use of a name.
   *
   * @param file bundle file ({@code null} while still inside one snippet of code)
   * @param line 1-based line of the name's token
   * @param name the name; a computed name with a literal prefix is {@code prefix*}
   * @param defines whether the use sets the name (else it reads it)
   */
  record Use(String file, int line, Kind kind, String name, boolean defines) {
    Use at(String inFile, int atLine) {
      return new Use(inFile, atLine, kind, name, defines);
    }
  }

  private PolicyNames() {}

  /** Records the names a call on an allowed fact type reads or defines. */
  static void collect(Class<?> receiver, MethodCallExpr call, List<Use> out) {
    String method = call.getNameAsString();
    if (receiver == Parameters.class && Set.of("number", "text").contains(method)) {
      add(call, 0, Kind.PARAMETER, false, out);
    } else if (TableParameters.class.isAssignableFrom(receiver)
        && Set.of("number", "hasParameter").contains(method)) {
      add(call, 0, tableKind(receiver), false, out);
    } else if (receiver == LiquidationPrices.class && method.equals("linear")) {
      for (int i = 1; i < call.getArguments().size(); i++) {
        add(call, i, Kind.POSITION_PARAMETER, false, out);
      }
    } else if (receiver == AccountFact.class) {
      switch (method) {
        case "metric", "hasMetric" -> add(call, 0, Kind.METRIC, false, out);
        case "setRatio", "setAmount" -> add(call, 0, Kind.METRIC, true, out);
        case "raiseFlag" -> add(call, 0, Kind.FLAG, true, out);
        case "hasFlag" -> add(call, 0, Kind.FLAG, false, out);
        default -> {}
      }
    } else if (receiver == PortfolioRequirement.class) {
      switch (method) {
        case "component", "hasComponent" -> add(call, 0, Kind.COMPONENT, false, out);
        case "setComponent" -> add(call, 0, Kind.COMPONENT, true, out);
        default -> {}
      }
    }
  }

  /** A constraint {@code name == "fhsEs"} on a {@code MeasureFact}: reads the measure's name. */
  static void collectComparison(Class<?> self, BinaryExpr b, List<Use> out) {
    if (self != MeasureFact.class
        || (b.getOperator() != BinaryExpr.Operator.EQUALS
            && b.getOperator() != BinaryExpr.Operator.NOT_EQUALS)) {
      return;
    }
    Expression left = b.getLeft();
    Expression right = b.getRight();
    Expression literal = isNameProperty(left) ? right : isNameProperty(right) ? left : null;
    String name = literal == null ? null : literal(literal);
    if (name != null) {
      out.add(
          new Use(null, literal.getBegin().map(p -> p.line).orElse(1), Kind.MEASURE, name, false));
    }
  }

  private static boolean isNameProperty(Expression e) {
    return e instanceof com.github.javaparser.ast.expr.NameExpr n
        && n.getNameAsString().equals("name");
  }

  private static Kind tableKind(Class<?> receiver) {
    if (receiver == CollateralFact.class) {
      return Kind.COLLATERAL_PARAMETER;
    }
    return receiver == PositionFact.class ? Kind.POSITION_PARAMETER : Kind.PARAMETER;
  }

  private static void add(MethodCallExpr call, int arg, Kind kind, boolean defines, List<Use> out) {
    if (call.getArguments().size() <= arg) {
      return;
    }
    Expression e = call.getArgument(arg);
    String name = literal(e);
    if (name == null && defines) {
      String prefix = prefix(e);
      name = prefix == null || prefix.isEmpty() ? null : prefix + "*";
    }
    if (name != null) {
      out.add(new Use(null, e.getBegin().map(p -> p.line).orElse(1), kind, name, defines));
    }
  }

  private static String literal(Expression e) {
    if (e instanceof EnclosedExpr en) {
      return literal(en.getInner());
    }
    return e instanceof StringLiteralExpr s ? s.asString() : null;
  }

  /** The literal start of a string concatenation ({@code "a." + x} gives {@code a.}). */
  private static String prefix(Expression e) {
    if (e instanceof EnclosedExpr en) {
      return prefix(en.getInner());
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      String left = literal(b.getLeft());
      return left != null ? left : prefix(b.getLeft());
    }
    return null;
  }

  /**
   * The names a policy may read, for the check: parameters by kind, from the manifest and the
   * decision tables bound to each subject.
   */
  record Known(
      Set<String> manifest, Set<String> position, Set<String> collateral, Set<String> measures) {
    Known(Set<String> manifest, Set<String> position, Set<String> collateral) {
      this(manifest, position, collateral, Set.of());
    }
  }

  /** A problem at the use for every name read that nothing defines. */
  static List<CompilationProblem> check(List<Use> uses, Known known) {
    Set<String> metrics = defined(uses, Kind.METRIC);
    Set<String> components = defined(uses, Kind.COMPONENT);
    Set<String> flags = defined(uses, Kind.FLAG);
    List<CompilationProblem> problems = new ArrayList<>();
    for (Use u : uses) {
      if (u.defines()) {
        continue;
      }
      Set<String> candidates =
          switch (u.kind()) {
            case PARAMETER -> known.manifest();
            case POSITION_PARAMETER -> known.position();
            case COLLATERAL_PARAMETER -> known.collateral();
            case METRIC -> metrics;
            case COMPONENT -> components;
            case FLAG -> flags;
            case MEASURE -> known.measures();
          };
      if (!PolicyVocabulary.matches(candidates, u.name())) {
        problems.add(new CompilationProblem(u.file(), u.line(), unknown(u, candidates)));
      }
    }
    return problems;
  }

  private static String unknown(Use u, Set<String> candidates) {
    String known =
        switch (u.kind()) {
          case PARAMETER -> "not a manifest parameter; the manifest defines: ";
          case POSITION_PARAMETER -> "no decision table gives it to positions; they give: ";
          case COLLATERAL_PARAMETER -> "no decision table gives it to collateral; they give: ";
          case METRIC -> "no rule sets it (setRatio/setAmount); rules set: ";
          case COMPONENT -> "no rule sets it (setComponent); rules set: ";
          case FLAG -> "no rule raises it (raiseFlag); rules raise: ";
          case MEASURE -> "the manifest's measures are: ";
        };
    String near = nearest(u.name(), candidates);
    return "unknown "
        + u.kind().label
        + " '"
        + u.name()
        + "'"
        + (near == null ? "" : " (did you mean '" + near + "'?)")
        + ": "
        + known
        + (candidates.isEmpty() ? "none" : String.join(", ", new TreeSet<>(candidates)));
  }

  /** The candidate within edit distance 3 of {@code name}, if one is. */
  private static String nearest(String name, Collection<String> candidates) {
    return NearestName.within(name, candidates, 3, false).orElse(null);
  }

  private static SortedSet<String> defined(List<Use> uses, Kind kind) {
    SortedSet<String> names = new TreeSet<>();
    uses.stream().filter(u -> u.defines() && u.kind() == kind).forEach(u -> names.add(u.name()));
    return names;
  }

  // ---- Values set with plain setters on facts that do not announce them ----

  /**
   * The fact types whose setters do not tell the rule session (unlike {@link AccountFact}'s): a
   * value set with a plain setter is seen by the conditions of the next phase only.
   */
  private static final Set<Class<?>> UNANNOUNCED =
      Set.of(PositionFact.class, CollateralFact.class, PortfolioRequirement.class);

  /**
   * Derived getters and the settable properties they read: {@code marginRatio} is maintenance
   * margin / margin balance (the balance is set by the engine, not by rules); {@code set} is
   * whether either requirement is set; {@code components} are all components. Getters of inputs
   * (notional, value, ...) and of engine-set values (marginBalance, insolvent) depend on nothing a
   * rule sets.
   */
  private static final java.util.Map<String, List<String>> DERIVED =
      java.util.Map.of(
          "PositionFact.marginRatio", List.of("maintenanceMargin"),
          "PortfolioRequirement.set", List.of("initialMargin", "maintenanceMargin"),
          "PortfolioRequirement.components", List.of("component(*)"));

  /**
   * A read or a write of a value rules set on a position, a collateral balance or the portfolio
   * requirement.
   *
   * @param line 1-based line of the read or the setter call (in the snippet, then in the file)
   * @param property the settable property: {@code initialMargin}, ..., or a component {@code
   *     component(name)} ({@code name} may be {@code prefix*} or {@code *} when computed)
   * @param via what the code reads when it is derived from {@code property} (e.g. {@code
   *     marginRatio}), else the property
   * @param writes a setter call outside {@code modify} (else a read)
   * @param receiver the code of the setter's receiver ({@code $p}); null for a read
   * @param setter the setter's name; null for a read
   * @param column where the setter call starts on its line (to order it against an {@code update})
   */
  record FactAccess(
      int line,
      Class<?> type,
      String property,
      String via,
      boolean writes,
      String receiver,
      String setter,
      int column) {
    FactAccess atLine(int atLine) {
      return new FactAccess(atLine, type, property, via, writes, receiver, setter, column);
    }
  }

  /** A read in a rule's conditions, or a plain write in its consequence, located. */
  record RuleAccess(String file, String rule, String phase, FactAccess access) {}

  /**
   * Records what a call of {@code method} on {@code receiver} reads, or writes with a plain setter
   * ({@code inModify}: the call is in a {@code modify} block, which tells the session).
   */
  static void collectAccess(
      Class<?> receiver, MethodCallExpr call, boolean inModify, List<FactAccess> out) {
    if (!UNANNOUNCED.contains(receiver)) {
      return;
    }
    String method = call.getNameAsString();
    int line = call.getBegin().map(p -> p.line).orElse(1);
    if (method.startsWith("set") && method.length() > 3) {
      if (inModify) {
        return;
      }
      String property =
          method.equals("setComponent")
              ? componentKey(call, true)
              : decapitalize(method.substring(3));
      String scope = call.getScope().map(Object::toString).orElse("this");
      int column = call.getBegin().map(p -> p.column).orElse(0);
      out.add(new FactAccess(line, receiver, property, property, true, scope, method, column));
      return;
    }
    if (method.equals("component") || method.equals("hasComponent")) {
      String key = componentKey(call, false);
      out.add(new FactAccess(line, receiver, key, key, false, null, null, 0));
      return;
    }
    String property =
        method.startsWith("get") && method.length() > 3
            ? decapitalize(method.substring(3))
            : method.startsWith("is") && method.length() > 2
                ? decapitalize(method.substring(2))
                : null;
    if (property != null && call.getArguments().isEmpty()) {
      collectRead(receiver, property, line, out);
    }
  }

  /** Records a read of the property {@code property} (a getter) of {@code receiver}. */
  static void collectRead(Class<?> receiver, String property, int line, List<FactAccess> out) {
    if (!UNANNOUNCED.contains(receiver)) {
      return;
    }
    List<String> from =
        DERIVED.getOrDefault(receiver.getSimpleName() + "." + property, List.of(property));
    for (String p : from) {
      out.add(new FactAccess(line, receiver, p, property, false, null, null, 0));
    }
  }

  private static String decapitalize(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** {@code component(name)}, {@code component(prefix*)} or {@code component(*)}. */
  private static String componentKey(MethodCallExpr call, boolean defines) {
    String name = call.getArguments().isEmpty() ? null : literal(call.getArgument(0));
    if (name == null && !call.getArguments().isEmpty()) {
      String prefix = prefix(call.getArgument(0));
      name = prefix == null || prefix.isEmpty() ? "*" : prefix + "*";
    }
    return "component(" + (name == null ? "*" : name) + ")";
  }

  /** Whether a read of property {@code read} may see a write of property {@code written}. */
  private static boolean sameProperty(String read, String written) {
    if (read.equals(written)) {
      return true;
    }
    String component = "component(";
    if (!read.startsWith(component) || !written.startsWith(component)) {
      return false;
    }
    String r = read.substring(component.length(), read.length() - 1);
    String w = written.substring(component.length(), written.length() - 1);
    return r.equals(w)
        || (w.endsWith("*") && r.startsWith(w.substring(0, w.length() - 1)))
        || (r.endsWith("*") && w.startsWith(r.substring(0, r.length() - 1)));
  }

  /**
   * A problem at every condition that tests a value of a position, a collateral balance or the
   * portfolio requirement which another rule of the same phase sets with a plain setter: those
   * setters do not tell the rule session, so the condition never sees the value (the engine
   * re-announces every fact before the next phase only).
   */
  static List<CompilationProblem> checkSamePhaseSetters(List<RuleAccess> accesses) {
    List<RuleAccess> writes =
        accesses.stream()
            .filter(a -> a.access().writes())
            .sorted(
                java.util.Comparator.comparing(RuleAccess::file)
                    .thenComparingInt(a -> a.access().line()))
            .toList();
    List<CompilationProblem> problems = new ArrayList<>();
    for (RuleAccess read : accesses) {
      if (read.access().writes()) {
        continue;
      }
      FactAccess r = read.access();
      writes.stream()
          .filter(
              w ->
                  w.phase().equals(read.phase())
                      && !w.rule().equals(read.rule())
                      && w.access().type() == r.type()
                      && sameProperty(r.property(), w.access().property()))
          .findFirst()
          .ifPresent(w -> problems.add(samePhaseProblem(read, w)));
    }
    return problems.stream().distinct().toList();
  }

  private static CompilationProblem samePhaseProblem(RuleAccess read, RuleAccess write) {
    FactAccess r = read.access();
    FactAccess w = write.access();
    String type = r.type().getSimpleName();
    String tested =
        r.property().startsWith("component(") && r.via().equals(r.property())
            ? type + "." + componentRead(r.property())
            : type
                + "."
                + r.via()
                + (r.via().equals(r.property())
                    ? ""
                    : " (which depends on " + componentRead(r.property()) + ")");
    int phase = PolicySandbox.PHASES.indexOf(read.phase());
    String instead =
        phase + 1 < PolicySandbox.PHASES.size()
            ? "test it in phase '" + PolicySandbox.PHASES.get(phase + 1) + "', or "
            : phase > 0 ? "set it in phase '" + PolicySandbox.PHASES.get(phase - 1) + "', or " : "";
    return new CompilationProblem(
        read.file(),
        r.line(),
        "rule \""
            + read.rule()
            + "\" tests "
            + tested
            + ", which rule \""
            + write.rule()
            + "\" ("
            + write.file()
            + ":"
            + w.line()
            + ") sets with a plain setter in the same phase '"
            + read.phase()
            + "': conditions in that phase never see it; "
            + instead
            + "write it with modify("
            + w.receiver()
            + ") { "
            + w.setter()
            + "(...) }");
  }

  /** {@code component(x)} as {@code component("x")}; any component as {@code components}. */
  private static String componentRead(String property) {
    if (!property.startsWith("component(")) {
      return property;
    }
    String name = property.substring("component(".length(), property.length() - 1);
    return name.equals("*") ? "components" : "component(\"" + name + "\")";
  }

  /** The vocabulary: every parameter the policy offers, and the names its rules define. */
  static PolicyVocabulary vocabulary(List<Use> uses, Known known, Collection<String> ruleNames) {
    SortedSet<String> parameters = new TreeSet<>(known.manifest());
    parameters.addAll(known.position());
    parameters.addAll(known.collateral());
    return new PolicyVocabulary(
        parameters,
        defined(uses, Kind.METRIC),
        defined(uses, Kind.COMPONENT),
        defined(uses, Kind.FLAG),
        new TreeSet<>(ruleNames));
  }
}
