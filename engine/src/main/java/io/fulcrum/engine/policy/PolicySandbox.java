package io.fulcrum.engine.policy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;

/**
 * The compile-time wall: checks every rule file of a bundle (DRL, and spreadsheet tables through
 * the DRL they become) against {@link PolicyAllowList} before the KIE builder sees it, and every
 * DMN model through {@link DmnSandbox}. Parses with the Drools DRL parser (imports, globals,
 * functions, rules with their patterns, constraints, evals and consequences, all with lines) and
 * checks each piece of code with {@link PolicyCodeCheck}. Each forbidden use is a {@link
 * CompilationProblem} at its file and line.
 */
public final class PolicySandbox {

  private static final Set<String> RULE_ATTRIBUTES =
      Set.of(
          "salience",
          "ruleflow-group",
          "agenda-group",
          "activation-group",
          "no-loop",
          "lock-on-active",
          "auto-focus",
          "dialect",
          "enabled");

  /** The rule phases the engine fires, in order (PolicyEvaluation). */
  static final List<String> PHASES = List.of("requirements", "status");

  private static final List<String> RESERVED_PACKAGES =
      List.of(
          "java.",
          "javax.",
          "jdk.",
          "sun.",
          "com.sun.",
          "io.fulcrum.engine",
          "org.drools",
          "org.kie",
          "org.mvel2");

  private static final Pattern BINDING =
      Pattern.compile("^\\s*(\\$?[A-Za-z_][\\w$]*)\\s*:(?!=)\\s*(.+)$", Pattern.DOTALL);
  private static final Pattern MODIFY = Pattern.compile("\\bmodify\\s*\\(");
  private static final Pattern CSV_RULE_ROW = Pattern.compile("// rule values at [A-Z]+(\\d+)");

  private PolicySandbox() {}

  /**
   * What the check found.
   *
   * @param problems every forbidden use, with file and line; empty when the bundle may run
   * @param ruleLocations each rule's name to its {@code file:line} (for failures at run time)
   * @param unchecked rule files the DRL parser could not read: they must not compile
   * @param names every parameter, metric, component and flag name the rule code reads or defines,
   *     at its file and line
   */
  public record Result(
      List<CompilationProblem> problems,
      Map<String, String> ruleLocations,
      List<String> unchecked,
      List<PolicyNames.Use> names) {
    public Result {
      problems = List.copyOf(problems);
      ruleLocations = Map.copyOf(ruleLocations);
      unchecked = List.copyOf(unchecked);
      names = List.copyOf(names);
    }
  }

  /** Every forbidden use in the bundle's rule files and DMN models, with file and line. */
  public static List<CompilationProblem> check(PolicyBundle bundle) {
    return inspect(bundle).problems();
  }

  /** Checks the bundle and locates its rules. */
  static Result inspect(PolicyBundle bundle) {
    List<CompilationProblem> problems = new ArrayList<>();
    Map<String, String> locations = new HashMap<>();
    List<String> unchecked = new ArrayList<>();
    List<PolicyNames.Use> names = new ArrayList<>();
    List<PolicyNames.RuleAccess> accesses = new ArrayList<>();
    for (String file : bundle.manifest().rules()) {
      if (bundle.files().containsKey(file)) {
        checkRuleFile(bundle, file, new Found(problems, locations, unchecked, names, accesses));
      }
    }
    problems.addAll(PolicyNames.checkSamePhaseSetters(accesses));
    for (PolicyManifest.DecisionBinding d : bundle.manifest().decisions()) {
      byte[] dmn = bundle.files().get(d.model());
      if (dmn != null && problems.stream().noneMatch(p -> p.file().equals(d.model()))) {
        problems.addAll(DmnSandbox.check(d.model(), dmn));
      }
    }
    return new Result(problems, locations, unchecked, names);
  }

  /** What the check of the rule files collects. */
  private record Found(
      List<CompilationProblem> problems,
      Map<String, String> locations,
      List<String> unchecked,
      List<PolicyNames.Use> names,
      List<PolicyNames.RuleAccess> accesses) {}

  private static void checkRuleFile(PolicyBundle bundle, String file, Found found) {
    List<CompilationProblem> problems = found.problems();
    String drl;
    boolean spreadsheet = !file.endsWith(".drl");
    try {
      drl =
          spreadsheet
              ? new SpreadsheetCompiler()
                  .compile(
                      new ByteArrayInputStream(bundle.files().get(file)),
                      file.endsWith(".csv") ? InputType.CSV : InputType.XLS)
              : bundle.text(file);
    } catch (RuntimeException e) {
      problems.add(
          new CompilationProblem(file, 0, "the table cannot be read: " + e.getClass().getName()));
      return;
    }
    DrlParser parser = new DrlParser();
    PackageDescr pkg;
    try {
      pkg = parser.parse(false, drl);
    } catch (Exception e) {
      pkg = null;
    }
    Lines lines =
        spreadsheet ? Lines.spreadsheet(file, drl, bundle.text(file)) : Lines.drl(file, drl);
    if (pkg == null || parser.hasErrors()) {
      // A syntax error: report the parser's first error at its token's line (for a table, its
      // row); the errors after it, and "Parser returned a null Package", only follow from it.
      found.unchecked().add(file);
      parser.getErrors().stream()
          .findFirst()
          .ifPresent(
              e ->
                  problems.add(
                      new CompilationProblem(
                          file, lines.fileLine(firstLine(e)), syntaxMessage(e.getMessage()))));
      return;
    }
    new FileCheck(pkg, lines, problems, found.names(), found.accesses()).run();
    for (RuleDescr rule : pkg.getRules()) {
      found.locations().putIfAbsent(rule.getName(), file + ":" + lines.fileLine(rule.getLine()));
    }
  }

  private static int firstLine(org.drools.drl.parser.DroolsError e) {
    int[] lines = e.getLines();
    return lines != null && lines.length > 0 ? lines[0] : 0;
  }

  private static final Pattern PARSER_PREFIX =
      Pattern.compile("^\\s*(?:\\[ERR \\d+\\]\\s*)?(?:Line \\d+:(\\d+)\\s*)?");

  /**
   * "[ERR 102] Line 38:0 mismatched input..." as "syntax error: mismatched input... (column 0)".
   */
  static String syntaxMessage(String parserMessage) {
    String text = parserMessage == null ? "" : parserMessage.strip();
    Matcher m = PARSER_PREFIX.matcher(text);
    if (m.find() && m.end() > 0) {
      String column = m.group(1);
      return "syntax error: "
          + text.substring(m.end()).strip()
          + (column == null ? "" : " (column " + column + ")");
    }
    return "syntax error: " + text;
  }

  /** Maps lines of the checked DRL to lines of the bundle file. */
  private record Lines(String file, String drl, String sheet) {
    static Lines drl(String file, String drl) {
      return new Lines(file, drl, null);
    }

    static Lines spreadsheet(String file, String drl, String sheet) {
      return new Lines(file, drl, sheet);
    }

    /** The file line of DRL line {@code drlLine}: for a table, the row the rule came from. */
    int fileLine(int drlLine) {
      if (sheet == null || drlLine <= 0) {
        return Math.max(drlLine, 0);
      }
      String[] all = drl.split("\n", -1);
      for (int i = Math.min(drlLine, all.length) - 1; i >= 0; i--) {
        Matcher m = CSV_RULE_ROW.matcher(all[i]);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      String[] rows = sheet.split("\n", -1);
      for (int i = 0; i < rows.length; i++) {
        String first = rows[i].split(",", 2)[0].replace("\"", "").strip();
        if (Set.of("Import", "Variables", "Functions", "Queries", "Declare").contains(first)) {
          return i + 1;
        }
      }
      return 0;
    }

    /** The DRL line where {@code text} starts, searching from DRL line {@code from}. */
    int drlLineOf(String text, int from) {
      int offset = 0;
      for (int line = 1; line < from && offset >= 0; line++) {
        offset = drl.indexOf('\n', offset) + 1;
      }
      int at = text == null || text.isBlank() ? -1 : drl.indexOf(text, Math.max(offset, 0));
      if (at < 0) {
        return from;
      }
      return CompilationProblem.lineAt(drl, at);
    }
  }

  /** The check of one file. */
  private static final class FileCheck {
    private final PackageDescr pkg;
    private final Lines lines;
    private final List<CompilationProblem> problems;
    private final List<PolicyNames.Use> names;
    private final Map<String, String> imports = new HashMap<>();
    private final List<String> wildcards = new ArrayList<>();
    private final Map<String, Class<?>> globals = new LinkedHashMap<>();
    private final Map<String, Class<?>> functions = new HashMap<>();
    private final List<PolicyNames.RuleAccess> accesses;

    /** Each function's plain setter calls (at file lines), and the functions it calls. */
    private final Map<String, List<PolicyNames.FactAccess>> functionWrites = new HashMap<>();

    private final Map<String, Set<String>> functionCalls = new HashMap<>();

    /** Where {@link #report} is: a function's body, or a rule (in a phase) and which part. */
    private String function;

    private String rule;
    private String phase;
    private boolean inConditions;

    FileCheck(
        PackageDescr pkg,
        Lines lines,
        List<CompilationProblem> problems,
        List<PolicyNames.Use> names,
        List<PolicyNames.RuleAccess> accesses) {
      this.pkg = pkg;
      this.lines = lines;
      this.problems = problems;
      this.names = names;
      this.accesses = accesses;
    }

    void run() {
      String name = pkg.getName() == null ? "" : pkg.getName();
      if (RESERVED_PACKAGES.stream().anyMatch(p -> (name + ".").startsWith(p))) {
        refuse(pkg, "package " + name + " is reserved: policies use their own package");
      }
      imports();
      declarations();
      for (AttributeDescr a : pkg.getAttributes()) {
        if (!a.getName().equals("dialect") || !"java".equals(a.getValue())) {
          refuse(a, "package attribute " + a.getName() + " is not allowed in policies");
        }
      }
      for (GlobalDescr g : pkg.getGlobals()) {
        Optional<Class<?>> t = resolve(g.getType());
        if (t.isEmpty()) {
          refuse(g, "global " + g.getIdentifier() + " of type " + g.getType() + " is not allowed");
        }
        globals.put(g.getIdentifier(), t.orElse(null));
      }
      functions();
      for (RuleDescr rule : pkg.getRules()) {
        rule(rule);
      }
    }

    private void imports() {
      for (ImportDescr i : pkg.getImports()) {
        String target = i.getTarget();
        if (target.endsWith(".*")) {
          String p = target.substring(0, target.length() - 2);
          if (PolicyAllowList.allowsPackage(p)) {
            wildcards.add(p);
          } else {
            refuse(i, "import " + target + " is not allowed in policies");
          }
        } else if (PolicyAllowList.type(target).isPresent()) {
          imports.put(target.substring(target.lastIndexOf('.') + 1), target);
        } else {
          refuse(i, "import " + target + " is not allowed in policies");
        }
      }
      pkg.getFunctionImports().forEach(i -> refuse(i, "import function is not allowed"));
      pkg.getAccumulateImports().forEach(i -> refuse(i, "import accumulate is not allowed"));
    }

    private void declarations() {
      pkg.getTypeDeclarations().forEach(d -> refuse(d, "type declarations are not allowed"));
      pkg.getEnumDeclarations().forEach(d -> refuse(d, "enum declarations are not allowed"));
      pkg.getEntryPointDeclarations().forEach(d -> refuse(d, "entry points are not allowed"));
      pkg.getWindowDeclarations().forEach(d -> refuse(d, "window declarations are not allowed"));
    }

    /** A simple or qualified type name, resolved as Drools would, if the result is allowed. */
    Optional<Class<?>> resolve(String name) {
      String n = name.strip();
      if (n.contains(".")) {
        return PolicyAllowList.type(n);
      }
      if (imports.containsKey(n)) {
        return PolicyAllowList.type(imports.get(n));
      }
      for (String p : wildcards) {
        Optional<Class<?>> t = PolicyAllowList.type(p + "." + n);
        if (t.isPresent()) {
          return t;
        }
      }
      return PolicyAllowList.type("java.lang." + n);
    }

    private void functions() {
      for (FunctionDescr f : pkg.getFunctions()) {
        String rt = f.getReturnType() == null ? "void" : f.getReturnType().strip();
        functions.put(f.getName(), primitive(rt) ? Void.class : resolve(rt).orElse(null));
        if (!primitive(rt) && resolve(rt).isEmpty()) {
          refuse(f, "function " + f.getName() + " returns " + rt + ", which is not allowed");
        }
      }
      Map<String, Set<String>> calls = new HashMap<>();
      for (FunctionDescr f : pkg.getFunctions()) {
        Map<String, Class<?>> scope = new HashMap<>(globals);
        for (int i = 0; i < f.getParameterNames().size(); i++) {
          String t = f.getParameterTypes().get(i).strip();
          Optional<Class<?>> type = primitive(t) ? Optional.of(Void.class) : resolve(t);
          if (type.isEmpty()) {
            refuse(f, "function " + f.getName() + " parameter of type " + t + " is not allowed");
          }
          scope.put(f.getParameterNames().get(i), type.orElse(null));
        }
        PolicyCodeCheck code = new PolicyCodeCheck(this::resolve, functions, null, scope);
        code.checkBlock(f.getBody());
        function = f.getName();
        report(code, lines.drlLineOf(f.getBody(), f.getLine()));
        function = null;
        calls.put(f.getName(), code.calledFunctions());
      }
      functionCalls.putAll(calls);
      for (FunctionDescr f : pkg.getFunctions()) {
        if (reaches(calls, f.getName(), f.getName(), new java.util.HashSet<>())) {
          refuse(f, "function " + f.getName() + " calls itself (recursion is not allowed)");
        }
      }
    }

    private static boolean reaches(
        Map<String, Set<String>> calls, String from, String target, Set<String> seen) {
      for (String callee : calls.getOrDefault(from, Set.of())) {
        if (callee.equals(target) || (seen.add(callee) && reaches(calls, callee, target, seen))) {
          return true;
        }
      }
      return false;
    }

    private static boolean primitive(String type) {
      return Set.of("void", "int", "long", "double", "boolean", "char", "short", "byte", "float")
          .contains(type);
    }

    private void rule(RuleDescr rule) {
      String what = "rule \"" + rule.getName() + "\"";
      if (rule.isQuery()) {
        refuse(rule, "queries are not allowed in policies (" + rule.getName() + ")");
        return;
      }
      for (AttributeDescr a : rule.getAttributes().values()) {
        attribute(what, a);
      }
      if (!rule.getNamedConsequences().isEmpty()) {
        refuse(rule, what + ": named consequences are not allowed");
      }
      if (!rule.getAttributes().containsKey("ruleflow-group")
          && !rule.getAttributes().containsKey("agenda-group")) {
        // Drools would put it in the MAIN agenda group, which fires after whichever phase has
        // focus, in both phases: when it fires would depend on the engine, not on the author.
        refuse(
            rule,
            what
                + " names no phase: add ruleflow-group \"requirements\" (per position, before"
                + " the account is totalled) or ruleflow-group \"status\" (after)");
      }
      Map<String, Class<?>> scope = new HashMap<>(globals);
      this.phase = phase(rule);
      this.rule = this.phase == null ? null : rule.getName();
      inConditions = true;
      lhs(rule.getLhs(), scope);
      inConditions = false;
      if (rule.getConsequence() instanceof String then) {
        PolicyCodeCheck code = new PolicyCodeCheck(this::resolve, functions, null, scope);
        code.checkBlock(withoutModifyBlocks(then));
        report(code, lines.drlLineOf(then, rule.getConsequenceLine()));
        if (this.rule != null) {
          // A function the consequence calls sets what it sets in this rule's phase.
          Set<String> reached = new java.util.TreeSet<>();
          code.calledFunctions().forEach(f -> reach(f, reached));
          for (String f : reached) {
            for (PolicyNames.FactAccess w : functionWrites.getOrDefault(f, List.of())) {
              accesses.add(new PolicyNames.RuleAccess(lines.file(), this.rule, this.phase, w));
            }
          }
        }
      }
      this.rule = null;
      this.phase = null;
    }

    private void reach(String function, Set<String> reached) {
      if (reached.add(function)) {
        functionCalls.getOrDefault(function, Set.of()).forEach(f -> reach(f, reached));
      }
    }

    /** The phase a rule fires in (its ruleflow-group or agenda-group), if it names one. */
    private static String phase(RuleDescr rule) {
      for (String name : List.of("ruleflow-group", "agenda-group")) {
        AttributeDescr a = rule.getAttributes().get(name);
        String value = a == null || a.getValue() == null ? null : a.getValue().replace("\"", "");
        if (value != null && PHASES.contains(value.strip())) {
          return value.strip();
        }
      }
      return null;
    }

    private void attribute(String rule, AttributeDescr a) {
      String name = a.getName();
      String value = a.getValue() == null ? "" : a.getValue().strip();
      boolean ok =
          RULE_ATTRIBUTES.contains(name)
              && switch (name) {
                case "salience" -> value.matches("-?\\d{1,9}");
                case "dialect" -> value.equals("java");
                case "enabled", "no-loop", "lock-on-active", "auto-focus" ->
                    value.isEmpty() || value.equals("true") || value.equals("false");
                default -> true;
              };
      if (ok && (name.equals("ruleflow-group") || name.equals("agenda-group"))) {
        String phase = value.replace("\"", "");
        if (!PHASES.contains(phase)) {
          refuse(
              a,
              rule
                  + ": "
                  + name
                  + " \""
                  + phase
                  + "\" is not a phase, so the rule never fires: the phases are \"requirements\""
                  + " and \"status\"");
          return;
        }
      }
      if (!ok) {
        refuse(
            a,
            rule
                + ": attribute "
                + name
                + (RULE_ATTRIBUTES.contains(name) ? " must be a literal, not " + value : "")
                + " is not allowed in policies");
      }
    }

    private void lhs(BaseDescr d, Map<String, Class<?>> scope) {
      if (d instanceof PatternDescr p) {
        pattern(p, scope);
      } else if (d instanceof EvalDescr e) {
        String content = String.valueOf(e.getContent());
        PolicyCodeCheck code = new PolicyCodeCheck(this::resolve, functions, null, scope);
        code.checkExpression(content);
        report(code, e.getLine());
      } else if (d instanceof ConditionalElementDescr ce
          && Set.of("AndDescr", "OrDescr", "NotDescr", "ExistsDescr", "ForallDescr")
              .contains(d.getClass().getSimpleName())) {
        ce.getDescrs().forEach(c -> lhs((BaseDescr) c, scope));
      } else {
        refuse(d, constructName(d) + " is not allowed in policies");
      }
    }

    private static String constructName(BaseDescr d) {
      return "the construct '"
          + d.getClass().getSimpleName().replace("Descr", "").toLowerCase(java.util.Locale.ROOT)
          + "'";
    }

    private void pattern(PatternDescr p, Map<String, Class<?>> scope) {
      if (p.getSource() != null) {
        refuse(
            p,
            "'"
                + p.getSource().getText()
                + "' (from, accumulate, collect, entry points) is not allowed in policies");
      }
      if (p.isQuery() || p.isUnification() || !p.getBehaviors().isEmpty()) {
        refuse(p, "queries, unification and windows are not allowed in policies");
      }
      Optional<Class<?>> type = resolve(p.getObjectType());
      if (type.isEmpty()) {
        refuse(p, "pattern type " + p.getObjectType() + " is not allowed in policies");
        return;
      }
      if ("requirements".equals(phase)
          && type.get().getName().equals("io.fulcrum.engine.runtime.AccountFact")) {
        // The engine inserts the account, with its totals, only before "status".
        refuse(
            p,
            "rule \""
                + rule
                + "\" matches AccountFact in phase 'requirements', where the account is not in"
                + " working memory yet (the engine adds it with its totals before 'status'), so"
                + " the rule never fires: match the account in phase 'status'");
      }
      if (p.getIdentifier() != null) {
        scope.put(p.getIdentifier(), type.get());
      }
      for (BaseDescr c : p.getDescrs()) {
        if (c instanceof ExprConstraintDescr e && e.getType() == ExprConstraintDescr.Type.NAMED) {
          constraint(e.getExpression(), type.get(), scope, e);
        } else if (c instanceof BindingDescr b && !b.isUnification()) {
          constraint(b.getVariable() + " : " + b.getExpression(), type.get(), scope, b);
        } else {
          refuse(c, "positional constraints and unification are not allowed in policies");
        }
      }
    }

    private void constraint(String text, Class<?> self, Map<String, Class<?>> scope, BaseDescr at) {
      Matcher binding = BINDING.matcher(text);
      PolicyCodeCheck code = new PolicyCodeCheck(this::resolve, functions, self, scope);
      if (binding.matches()) {
        Class<?> t = code.checkExpression(binding.group(2));
        scope.put(binding.group(1), t == Void.class ? null : t);
      } else {
        code.checkExpression(text);
      }
      report(code, at.getLine());
    }

    private void report(PolicyCodeCheck code, int firstDrlLine) {
      for (PolicyCodeCheck.Finding f : code.findings()) {
        int drlLine = firstDrlLine + f.line() - 1;
        problems.add(new CompilationProblem(lines.file(), lines.fileLine(drlLine), f.message()));
      }
      for (PolicyNames.Use u : code.names()) {
        names.add(u.at(lines.file(), lines.fileLine(firstDrlLine + u.line() - 1)));
      }
      for (PolicyNames.FactAccess a : code.accesses()) {
        PolicyNames.FactAccess located = a.atLine(lines.fileLine(firstDrlLine + a.line() - 1));
        if (function != null && a.writes()) {
          functionWrites.computeIfAbsent(function, f -> new ArrayList<>()).add(located);
        } else if (rule != null && a.writes() != inConditions) {
          accesses.add(new PolicyNames.RuleAccess(lines.file(), rule, phase, located));
        }
      }
    }

    private void refuse(BaseDescr at, String message) {
      problems.add(new CompilationProblem(lines.file(), lines.fileLine(at.getLine()), message));
    }
  }

  /**
   * Rewrites the Drools {@code modify(x) { a(..), b(..) }} blocks of a consequence into the Java
   * they mean ({@code __modify(x); __modified(x).a(..); __modified(x).b(..);}), keeping every line
   * break where it was so lines still match the file. Text that is not a well-formed block is left
   * as is (and then fails to parse: refused).
   */
  static String withoutModifyBlocks(String code) {
    StringBuilder out = new StringBuilder();
    int pos = 0;
    Matcher m = MODIFY.matcher(code);
    while (m.find(pos)) {
      int open = m.end() - 1;
      int close = matching(code, open, '(', ')');
      int brace = close < 0 ? -1 : skipSpace(code, close + 1);
      if (brace < 0 || brace >= code.length() || code.charAt(brace) != '{') {
        out.append(code, pos, m.end());
        pos = m.end();
        continue;
      }
      int end = matching(code, brace, '{', '}');
      if (end < 0) {
        break;
      }
      String target = code.substring(open + 1, close);
      String flatTarget = target.replace('\n', ' ').replace('\r', ' ');
      out.append(code, pos, m.start());
      out.append("__modify(").append(target).append(");");
      out.append(newlines(code.substring(close + 1, brace + 1)));
      for (String part : splitTopLevel(code.substring(brace + 1, end))) {
        if (part.isBlank()) {
          out.append(part);
        } else {
          int lead = part.length() - part.stripLeading().length();
          out.append(part, 0, lead)
              .append(PolicyCodeCheck.MODIFIED)
              .append('(')
              .append(flatTarget)
              .append(").")
              .append(part.substring(lead))
              .append(';');
        }
      }
      pos = end + 1;
    }
    out.append(code.substring(pos));
    return out.toString();
  }

  private static String newlines(String s) {
    return s.replaceAll("[^\n]", "");
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index of the bracket closing the one at {@code open}, skipping string literals. */
  private static int matching(String s, int open, char o, char c) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') {
        i = endOfString(s, i);
        if (i < 0) {
          return -1;
        }
      } else if (ch == o) {
        depth++;
      } else if (ch == c && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int endOfString(String s, int quote) {
    for (int i = quote + 1; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == '"') {
        return i;
      }
    }
    return -1;
  }

  /** Splits at commas outside brackets and strings (the calls of a modify block). */
  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') {
        int end = endOfString(s, i);
        i = end < 0 ? s.length() : end;
      } else if (ch == '(' || ch == '[' || ch == '{') {
        depth++;
      } else if (ch == ')' || ch == ']' || ch == '}') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }
}
