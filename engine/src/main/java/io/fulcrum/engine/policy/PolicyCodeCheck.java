package io.fulcrum.engine.policy;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.ast.type.VoidType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks one piece of policy code (a constraint, an {@code eval}, a consequence, a function body)
 * against {@link PolicyAllowList}: parses it with JavaParser, infers the static type of every
 * receiver from the variables in scope and the allowed types' signatures, and refuses every
 * construct, type or member that is not allowed. Whatever it cannot type is refused too (an
 * allow-list over resolved names, not a search for bad words).
 *
 * <p>Why not a symbol solver: JavaParser's is not on the classpath, and policy code only reaches
 * the few allowed types, whose signatures reflection gives directly.
 */
final class PolicyCodeCheck {

  /** A forbidden use, at a 1-based line of the snippet. */
  record Finding(int line, String message) {}

  /** Marks an expression whose type is known not to matter (primitives, arithmetic results). */
  private static final Class<?> UNTYPED = Void.class;

  private static final Set<String> MACROS =
      Set.of("insert", "insertLogical", "update", "delete", "retract", "__modify");

  private final Function<String, Optional<Class<?>>> typeNames;
  private final Map<String, Class<?>> functions;
  private final Class<?> self;
  private final Map<String, Class<?>> scope;
  private final List<Finding> findings = new ArrayList<>();
  private final List<PolicyNames.Use> names = new ArrayList<>();
  private final Set<String> calledFunctions = new java.util.TreeSet<>();
  private final List<PolicyNames.FactAccess> accesses = new ArrayList<>();

  /** Variables passed to {@code update(...)}, with where the call starts (line, column). */
  private final List<PolicyNames.FactAccess> updates = new ArrayList<>();

  /**
   * What {@link PolicySandbox#withoutModifyBlocks} calls the receiver of a call in a {@code
   * modify(x) { ... }} block: {@code __modified(x).setA(..)}, so a setter there is told apart from
   * a plain one.
   */
  static final String MODIFIED = "__modified";

  /**
   * @param typeNames resolves a simple or qualified type name to an allowed type
   * @param functions the DRL's functions and their return types ({@link #UNTYPED} for primitives)
   * @param self the pattern type a constraint is written against ({@code null} elsewhere): its
   *     properties and methods can be used unqualified
   * @param scope variables visible to the code and their types (bindings, globals, parameters)
   */
  PolicyCodeCheck(
      Function<String, Optional<Class<?>>> typeNames,
      Map<String, Class<?>> functions,
      Class<?> self,
      Map<String, Class<?>> scope) {
    this.typeNames = typeNames;
    this.functions = functions;
    this.self = self;
    this.scope = new HashMap<>(scope);
  }

  List<Finding> findings() {
    return findings;
  }

  /**
   * The names the checked code reads or defines through the fact API (parameters, metrics,
   * components, flags), each at its 1-based line of the snippet; the file is not known here.
   */
  List<PolicyNames.Use> names() {
    return names;
  }

  /**
   * The values of positions, collateral and the portfolio requirement the code reads, and sets with
   * plain setters (outside {@code modify}, and not followed by an {@code update} of the same
   * variable), each at its 1-based line of the snippet.
   */
  List<PolicyNames.FactAccess> accesses() {
    return accesses.stream()
        .filter(a -> !a.writes() || updates.stream().noneMatch(u -> updatedAfter(u, a)))
        .toList();
  }

  private static boolean updatedAfter(PolicyNames.FactAccess update, PolicyNames.FactAccess set) {
    return update.receiver().equals(set.receiver())
        && (update.line() > set.line()
            || (update.line() == set.line() && update.column() > set.column()));
  }

  /** The DRL functions the checked code calls (for the recursion check). */
  Set<String> calledFunctions() {
    return calledFunctions;
  }

  private static JavaParser parser() {
    return new JavaParser(
        new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
  }

  /**
   * Unicode escapes (backslash, u, four hex digits) are refused outright: the Java compiler reads
   * the escape of a line feed as a line break (so code can hide behind a "comment"), MVEL does not;
   * no reading of them would be the same in the checker and in both compilers.
   */
  private boolean refusedEscapes(String code) {
    int at = code.indexOf("\\u");
    if (at < 0) {
      return false;
    }
    int line = 1 + (int) code.substring(0, at).chars().filter(c -> c == '\n').count();
    findings.add(new Finding(line, "unicode escapes (\\u...) are not allowed in policy code"));
    return true;
  }

  /** Checks an expression (a constraint or an eval); returns its type, or null if unknown. */
  Class<?> checkExpression(String code) {
    if (refusedEscapes(code)) {
      return null;
    }
    ParseResult<Expression> parsed = parser().parseExpression(code);
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      findings.add(
          new Finding(
              1, "not a Java expression (policies use the Java syntax in constraints): " + code));
      return null;
    }
    return type(parsed.getResult().get());
  }

  /** Checks a block of statements (a consequence or a function body, without braces). */
  void checkBlock(String code) {
    if (refusedEscapes(code)) {
      return;
    }
    ParseResult<BlockStmt> parsed = parser().parseBlock("{" + code + "\n}");
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      String why =
          parsed.getProblems().isEmpty()
              ? ""
              : ": " + withoutExpectedTokens(parsed.getProblems().get(0).getMessage());
      int line =
          parsed.getProblems().stream()
              .flatMap(p -> p.getLocation().stream())
              .flatMap(l -> l.getBegin().getRange().stream())
              .map(r -> r.begin.line)
              .findFirst()
              .orElse(1);
      findings.add(new Finding(line, "not Java code the sandbox can check" + firstLine(why)));
      return;
    }
    statement(parsed.getResult().get());
  }

  /** JavaParser lists every token it would have accepted: noise for a policy author. */
  private static String withoutExpectedTokens(String message) {
    int at = message.indexOf(", expected one of");
    return at < 0 ? message : message.substring(0, at);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private void refuse(Node node, String message) {
    findings.add(new Finding(node.getBegin().map(p -> p.line).orElse(1), message));
  }

  private void statement(Statement s) {
    if (s instanceof BlockStmt b) {
      b.getStatements().forEach(this::statement);
    } else if (s instanceof ExpressionStmt e) {
      type(e.getExpression());
    } else if (s instanceof IfStmt i) {
      type(i.getCondition());
      statement(i.getThenStmt());
      i.getElseStmt().ifPresent(this::statement);
    } else if (s instanceof ReturnStmt r) {
      r.getExpression().ifPresent(this::type);
    } else if (s instanceof ThrowStmt t) {
      if (!(t.getExpression() instanceof ObjectCreationExpr)) {
        refuse(t, "policies may only throw a new exception (throw new IllegalStateException(...))");
      }
      type(t.getExpression());
    } else if (!(s instanceof EmptyStmt)) {
      refuse(
          s, statementName(s) + " is not allowed in policy code (" + firstLine(s.toString()) + ")");
    }
  }

  private static String statementName(Statement s) {
    String simple = s.getClass().getSimpleName().replace("Stmt", "");
    return switch (simple) {
      case "For", "ForEach", "While", "Do" ->
          "a loop (" + simple.toLowerCase(java.util.Locale.ROOT) + ")";
      case "Try" -> "try/catch";
      case "Synchronized" -> "synchronized";
      case "LocalClassDeclaration", "LocalRecordDeclaration" -> "a local class";
      default -> "the statement '" + simple.toLowerCase(java.util.Locale.ROOT) + "'";
    };
  }

  /**
   * The static type of {@code e} after checking it; null when unknown (then nothing may use it).
   */
  private Class<?> type(Expression e) {
    if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) {
      return String.class;
    }
    if (e instanceof IntegerLiteralExpr
        || e instanceof LongLiteralExpr
        || e instanceof DoubleLiteralExpr
        || e instanceof BooleanLiteralExpr
        || e instanceof CharLiteralExpr
        || e instanceof NullLiteralExpr) {
      return UNTYPED;
    }
    if (e instanceof EnclosedExpr en) {
      return type(en.getInner());
    }
    if (e instanceof NameExpr n) {
      return name(n);
    }
    if (e instanceof FieldAccessExpr f) {
      return fieldAccess(f);
    }
    if (e instanceof MethodCallExpr m) {
      return methodCall(m);
    }
    if (e instanceof ObjectCreationExpr o) {
      return creation(o);
    }
    if (e instanceof BinaryExpr b) {
      if (self != null) {
        PolicyNames.collectComparison(self, b, names);
      }
      Class<?> left = type(b.getLeft());
      Class<?> right = type(b.getRight());
      if (b.getOperator() == BinaryExpr.Operator.PLUS
          && (left == String.class || right == String.class)) {
        return String.class;
      }
      return UNTYPED;
    }
    if (e instanceof UnaryExpr u) {
      type(u.getExpression());
      return UNTYPED;
    }
    if (e instanceof ConditionalExpr c) {
      type(c.getCondition());
      Class<?> a = type(c.getThenExpr());
      Class<?> b = type(c.getElseExpr());
      return a == b ? a : null;
    }
    if (e instanceof CastExpr c) {
      type(c.getExpression());
      return declaredType(c.getType(), c);
    }
    if (e instanceof InstanceOfExpr i) {
      type(i.getExpression());
      declaredType(i.getType(), i);
      if (i.getPattern().isPresent()) {
        refuse(i, "instanceof patterns are not allowed in policy code");
      }
      return UNTYPED;
    }
    if (e instanceof AssignExpr a) {
      if (!(a.getTarget() instanceof NameExpr target)
          || !scope.containsKey(target.getNameAsString())) {
        refuse(a, "policy code may only assign its own local variables: " + a);
      }
      type(a.getValue());
      return UNTYPED;
    }
    if (e instanceof VariableDeclarationExpr v) {
      for (VariableDeclarator d : v.getVariables()) {
        Class<?> value = d.getInitializer().map(this::type).orElse(null);
        Class<?> declared = d.getType() instanceof VarType ? value : declaredType(d.getType(), d);
        scope.put(d.getNameAsString(), declared);
      }
      return UNTYPED;
    }
    if (e instanceof ThisExpr t && self != null && t.getTypeName().isEmpty()) {
      return self;
    }
    refuse(e, describe(e) + " is not allowed in policy code: " + firstLine(e.toString()));
    return null;
  }

  private static String describe(Expression e) {
    String simple = e.getClass().getSimpleName().replace("Expr", "");
    return switch (simple) {
      case "Lambda" -> "a lambda";
      case "MethodReference" -> "a method reference";
      case "ArrayCreation", "ArrayAccess", "ArrayInitializer" -> "an array";
      case "Class" -> "a class literal";
      case "This", "Super" -> "'" + simple.toLowerCase(java.util.Locale.ROOT) + "'";
      default -> "the expression kind '" + simple + "'";
    };
  }

  /**
   * Refuses a dotted name used as a receiver when it is not a variable: it names a type (or a
   * package) that is not allowed. Returns whether it refused.
   */
  private boolean refusedTypeName(Expression scopeExpr) {
    String dotted = dottedName(scopeExpr);
    if (dotted == null) {
      return false;
    }
    String first = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
    if (scope.containsKey(first) || (self != null && getter(self, first).isPresent())) {
      return false;
    }
    for (int dot = dotted.lastIndexOf('.'); dot > 0; dot = dotted.lastIndexOf('.', dot - 1)) {
      if (typeNames.apply(dotted.substring(0, dot)).isPresent()) {
        return false; // a constant of an allowed type, e.g. BigDecimal.ONE
      }
    }
    refuse(scopeExpr, dotted + " is not allowed in policy code (not a variable or allowed type)");
    return true;
  }

  private Class<?> name(NameExpr n) {
    String name = n.getNameAsString();
    if (scope.containsKey(name)) {
      Class<?> t = scope.get(name);
      return t == null ? UNTYPED_UNKNOWN : t;
    }
    if (self != null) {
      Optional<Method> getter = getter(self, name);
      if (getter.isPresent()) {
        PolicyNames.collectRead(self, name, n.getBegin().map(p -> p.line).orElse(1), accesses);
        return checkedMember(self, getter.get().getName(), n) ? getter.get().getReturnType() : null;
      }
    }
    refuse(n, name + " is not allowed in policy code (not a variable, property or allowed type)");
    return null;
  }

  /**
   * A variable in scope whose type the checker does not know (e.g. bound in a way it does not
   * type): usable as a value, never as a receiver.
   */
  private static final Class<?> UNTYPED_UNKNOWN = UNTYPED;

  private Class<?> fieldAccess(FieldAccessExpr f) {
    Optional<Class<?>> staticType = qualifiedType(f.getScope());
    if (staticType.isPresent()) {
      Class<?> owner = staticType.get();
      String field = f.getNameAsString();
      try {
        java.lang.reflect.Field fld = owner.getField(field);
        if (Modifier.isStatic(fld.getModifiers())
            && Modifier.isFinal(fld.getModifiers())
            && checkedMember(owner, field, f)) {
          return fld.getType();
        }
        refuse(f, owner.getSimpleName() + "." + field + " is not a constant policies may read");
        return null;
      } catch (NoSuchFieldException e) {
        refuse(f, owner.getSimpleName() + " has no constant " + field);
        return null;
      }
    }
    Optional<Class<?>> qualified = qualifiedType(f);
    if (qualified.isPresent()) {
      refuse(f, "a type is not a value: " + f);
      return null;
    }
    if (refusedTypeName(f.getScope())) {
      return null;
    }
    if (self == null) {
      Class<?> receiver = typeNotStatic(f.getScope());
      if (receiver != null && receiver != UNTYPED) {
        refuse(f, "policy code reads properties through their getters: " + f);
      } else if (receiver == UNTYPED) {
        refuse(f, "cannot tell the type of '" + f.getScope() + "', so '" + f + "' is refused");
      }
      return null;
    }
    // MVEL constraints read properties by name: a.b means a.getB().
    Class<?> receiver = typeNotStatic(f.getScope());
    if (receiver == null) {
      return null;
    }
    Optional<Method> getter = getter(receiver, f.getNameAsString());
    if (receiver == UNTYPED || getter.isEmpty()) {
      refuse(f, "no allowed property '" + f.getNameAsString() + "' on " + f.getScope());
      return null;
    }
    PolicyNames.collectRead(
        receiver, f.getNameAsString(), f.getBegin().map(p -> p.line).orElse(1), accesses);
    return checkedMember(receiver, getter.get().getName(), f) ? getter.get().getReturnType() : null;
  }

  /** The type of a receiver expression; refuses a bare type name used as a value. */
  private Class<?> typeNotStatic(Expression scopeExpr) {
    return type(scopeExpr);
  }

  /** {@code scopeExpr} read as a (possibly qualified) allowed type name, if it is one. */
  private Optional<Class<?>> qualifiedType(Expression scopeExpr) {
    String dotted = dottedName(scopeExpr);
    if (dotted == null) {
      return Optional.empty();
    }
    String first = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
    if (scope.containsKey(first) || (self != null && getter(self, first).isPresent())) {
      return Optional.empty();
    }
    return typeNames.apply(dotted);
  }

  private static String dottedName(Expression e) {
    if (e instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (e instanceof FieldAccessExpr f) {
      String scopeName = dottedName(f.getScope());
      return scopeName == null ? null : scopeName + "." + f.getNameAsString();
    }
    return null;
  }

  private Class<?> methodCall(MethodCallExpr m) {
    if (m.getTypeArguments().isPresent()) {
      refuse(m, "explicit type arguments are not allowed in policy code: " + m);
    }
    String method = m.getNameAsString();
    int arity = m.getArguments().size();
    List<Class<?>> argumentTypes = new ArrayList<>();
    m.getArguments().forEach(a -> argumentTypes.add(type(a)));
    if (m.getScope().isEmpty()
        && method.equals(MODIFIED)
        && arity == 1
        && !functions.containsKey(method)) {
      return argumentTypes.get(0); // the target of a modify block: its setters are announced
    }
    if (m.getScope().isEmpty()
        && method.equals("update")
        && arity == 1
        && m.getArgument(0) instanceof NameExpr updated) {
      updates.add(
          new PolicyNames.FactAccess(
              m.getBegin().map(p -> p.line).orElse(1),
              null,
              null,
              null,
              false,
              updated.getNameAsString(),
              null,
              m.getBegin().map(p -> p.column).orElse(0)));
    }
    if (m.getScope().isEmpty()) {
      if (self != null && (!functions.containsKey(method) || hasMethod(self, method))) {
        return instanceCall(self, method, arity, m);
      }
      if (functions.containsKey(method)) {
        calledFunctions.add(method);
        return functions.get(method);
      }
      if (MACROS.contains(method) && arity == 1) {
        return UNTYPED;
      }
      refuse(m, "'" + method + "(...)' is not a function of this policy or an allowed call");
      return null;
    }
    Expression scopeExpr = m.getScope().get();
    Optional<Class<?>> staticType = qualifiedType(scopeExpr);
    if (staticType.isPresent()) {
      return staticCall(staticType.get(), method, arity, m);
    }
    if (refusedTypeName(scopeExpr)) {
      return null;
    }
    Class<?> receiver = type(scopeExpr);
    if (receiver == null) {
      return null;
    }
    if (receiver == UNTYPED) {
      refuse(m, "cannot tell the type of '" + scopeExpr + "', so '" + method + "' is refused");
      return null;
    }
    if (scopeExpr instanceof MethodCallExpr modified
        && modified.getScope().isEmpty()
        && modified.getNameAsString().equals(MODIFIED)
        && !functions.containsKey(MODIFIED)) {
      PolicyNames.collectAccess(receiver, m, true, accesses);
      return checkedInstanceCall(receiver, method, arity, m);
    }
    return instanceCall(receiver, method, arity, m);
  }

  private Class<?> staticCall(Class<?> owner, String method, int arity, Node at) {
    List<Method> candidates = candidates(owner, method, arity, true);
    if (candidates.isEmpty() || !checkedMember(owner, method, at)) {
      if (candidates.isEmpty()) {
        refuse(
            at, owner.getSimpleName() + " has no static method " + method + " policies may call");
      }
      return null;
    }
    return returnType(candidates);
  }

  private Class<?> instanceCall(Class<?> receiver, String method, int arity, Node at) {
    if (at instanceof MethodCallExpr call) {
      PolicyNames.collectAccess(receiver, call, false, accesses);
    }
    return checkedInstanceCall(receiver, method, arity, at);
  }

  private Class<?> checkedInstanceCall(Class<?> receiver, String method, int arity, Node at) {
    if (at instanceof MethodCallExpr call) {
      PolicyNames.collect(receiver, call, names);
    }
    if (!checkedMember(receiver, method, at)) {
      return null;
    }
    List<Method> candidates = candidates(receiver, method, arity, false);
    if (candidates.isEmpty()) {
      refuse(
          at,
          receiver.getSimpleName() + " has no method " + method + " with " + arity + " arguments");
      return null;
    }
    return returnType(candidates);
  }

  /** Refuses (and reports) a member of a type that is not allowed, or not allowed on it. */
  private boolean checkedMember(Class<?> owner, String member, Node at) {
    if (owner.isPrimitive() || owner == UNTYPED) {
      refuse(at, "cannot tell the type of the receiver of '" + member + "'");
      return false;
    }
    if (!PolicyAllowList.allows(owner)) {
      refuse(at, owner.getName() + " is not allowed in policy code (" + member + ")");
      return false;
    }
    if (!PolicyAllowList.allowsMember(owner, member)) {
      refuse(at, owner.getName() + "." + member + " is not allowed in policy code");
      return false;
    }
    return true;
  }

  private static List<Method> candidates(Class<?> owner, String name, int arity, boolean statics) {
    List<Method> found = new ArrayList<>();
    for (Method method : owner.getMethods()) {
      if (method.getName().equals(name)
          && (method.getParameterCount() == arity || method.isVarArgs())
          && Modifier.isStatic(method.getModifiers()) == statics) {
        found.add(method);
      }
    }
    return found;
  }

  private static boolean hasMethod(Class<?> owner, String name) {
    return java.util.Arrays.stream(owner.getMethods()).anyMatch(m -> m.getName().equals(name));
  }

  private static Class<?> returnType(List<Method> candidates) {
    Class<?> t = candidates.get(0).getReturnType();
    for (Method m : candidates) {
      if (m.getReturnType() != t) {
        return UNTYPED;
      }
    }
    return t.isPrimitive() ? UNTYPED : t;
  }

  private static Optional<Method> getter(Class<?> owner, String property) {
    if (property.isEmpty() || property.startsWith("$")) {
      return Optional.empty();
    }
    String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (String name : List.of("get" + cap, "is" + cap)) {
      try {
        Method m = owner.getMethod(name);
        if (!Modifier.isStatic(m.getModifiers())) {
          return Optional.of(m);
        }
      } catch (NoSuchMethodException e) {
        // try the next spelling
      }
    }
    return Optional.empty();
  }

  private Class<?> creation(ObjectCreationExpr o) {
    o.getArguments().forEach(this::type);
    if (o.getScope().isPresent() || o.getAnonymousClassBody().isPresent()) {
      refuse(o, "anonymous and inner classes are not allowed in policy code");
      return null;
    }
    Class<?> t = declaredType(o.getType(), o);
    if (t != null && !PolicyAllowList.allowsConstruction(t)) {
      refuse(o, "policies may not construct " + t.getName());
      return null;
    }
    return t;
  }

  /** Resolves a type written in the code; refuses types that are not allowed. */
  Class<?> declaredType(Type type, Node at) {
    if (type instanceof PrimitiveType || type instanceof VoidType) {
      return UNTYPED;
    }
    if (type instanceof ClassOrInterfaceType c) {
      c.getTypeArguments().ifPresent(args -> args.forEach(a -> declaredType(a, at)));
      String name = c.getNameWithScope();
      Optional<Class<?>> resolved = typeNames.apply(name);
      if (resolved.isEmpty()) {
        refuse(at, "type " + name + " is not allowed in policy code");
        return null;
      }
      return resolved.get();
    }
    refuse(at, "type " + type + " is not allowed in policy code (arrays, wildcards, unions)");
    return null;
  }
}
