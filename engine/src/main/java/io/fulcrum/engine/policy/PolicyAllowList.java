package io.fulcrum.engine.policy;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.Flag;
import io.fulcrum.engine.domain.InstrumentKind;
import io.fulcrum.engine.domain.MarginMode;
import io.fulcrum.engine.liquidation.LiquidityTier;
import io.fulcrum.engine.runtime.AccountFact;
import io.fulcrum.engine.runtime.CollateralFact;
import io.fulcrum.engine.runtime.DebtFact;
import io.fulcrum.engine.runtime.LiquidationPrices;
import io.fulcrum.engine.runtime.MeasureFact;
import io.fulcrum.engine.runtime.Parameters;
import io.fulcrum.engine.runtime.PortfolioRequirement;
import io.fulcrum.engine.runtime.PositionFact;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * What policy code may use: <b>the one place</b> the sandbox's allow-list is written down. Policy
 * code is every piece of Java or MVEL in a DRL file or spreadsheet table (imports, globals,
 * functions, pattern types, constraints, {@code eval(...)}, consequences); everything not listed
 * here is refused at compile time with the file and line of its use ({@link PolicySandbox}), and
 * compiled policy code is loaded by a class loader that resolves no other JDK class ({@link
 * PolicyClassLoader}).
 *
 * <p>Allowed types and members:
 *
 * <ul>
 *   <li>The engine's fact API: {@link PositionFact}, {@link CollateralFact}, {@link DebtFact},
 *       {@link AccountFact}, {@link MeasureFact}, {@link Parameters}, {@link PortfolioRequirement},
 *       the {@link LiquidationPrices} global, the {@link LiquidityTier} record (dYdX open-interest
 *       scaled initial margin), the {@link Flag} record and the enums {@link DecisionStatus},
 *       {@link InstrumentKind}, {@link MarginMode}: every public constructor, method and constant.
 *   <li>Exact arithmetic: {@link BigDecimal}, {@link BigInteger}, {@link MathContext}, {@link
 *       RoundingMode}: every public constructor, method and constant.
 *   <li>Values and pure helpers of {@code java.lang}: {@code String}, {@code Integer}, {@code
 *       Long}, {@code Double}, {@code Boolean}, {@code Character}, {@code Math} (all public
 *       members); {@code Object} only through {@code equals}, {@code hashCode}, {@code toString}.
 *   <li>Failing a decision: {@code IllegalStateException}, {@code IllegalArgumentException}, {@code
 *       ArithmeticException}: constructors only ({@code throw new ...}).
 *   <li>Immutable {@code java.util} use: {@code List}, {@code Set}, {@code Map}, {@code SortedMap},
 *       {@code Collection}, {@code Optional}: the factories {@code of}, {@code copyOf}, {@code
 *       empty}, {@code ofNullable} and the reading methods ({@code get}, {@code size}, {@code
 *       isEmpty}, {@code contains}, ...); nothing that mutates, iterates with a callback or
 *       streams.
 * </ul>
 *
 * <p>Never, on any type: {@code getClass}, {@code wait}, {@code notify}, {@code notifyAll}, {@code
 * clone}, {@code finalize}, {@code getDeclaringClass}, {@code describeConstable}. Hence no files,
 * network, processes, threads, reflection, class loading, {@code System}/{@code Runtime}, JVM exit
 * or static mutable state: none of those types is reachable.
 *
 * <p>Constructs: rules with patterns over allowed types, {@code and}/{@code or}/{@code not}/{@code
 * exists}/{@code forall}, {@code eval}, constraints in the Java expression syntax, consequences
 * with {@code modify}/{@code insert}/{@code update}/{@code delete}, global and local variables of
 * allowed types, {@code if}/{@code else}, {@code return}, {@code throw}; functions whose call graph
 * has no cycle. Refused: loops ({@code for}, {@code while}, {@code do}), {@code try}/{@code catch},
 * {@code synchronized}, lambdas and method references, arrays, anonymous and local classes, {@code
 * from}, {@code accumulate}, {@code collect}, entry points, windows, queries, type declarations,
 * the {@code mvel} dialect, the {@code drools}/{@code kcontext} handles, timers and calendars,
 * salience other than an integer literal.
 */
public final class PolicyAllowList {

  /** How much of an allowed type policy code may use. */
  enum Access {
    /** Every public constructor, method and static field. */
    ALL,
    /** Constructors only (exceptions to throw). */
    CONSTRUCT,
    /** Static factories and reading methods ({@link #READ_METHODS}). */
    READ
  }

  /** Members of {@code java.util} collections that neither mutate nor run code of the caller. */
  static final Set<String> READ_METHODS =
      Set.of(
          "of",
          "copyOf",
          "empty",
          "ofNullable",
          "get",
          "getOrDefault",
          "size",
          "isEmpty",
          "contains",
          "containsKey",
          "containsValue",
          "containsAll",
          "indexOf",
          "lastIndexOf",
          "keySet",
          "values",
          "firstKey",
          "lastKey",
          "isPresent",
          "orElse",
          "equals",
          "hashCode",
          "toString");

  /** Never callable, whatever the receiver: they reach class objects, monitors or copies. */
  static final Set<String> FORBIDDEN_MEMBERS =
      Set.of(
          "getClass",
          "wait",
          "notify",
          "notifyAll",
          "clone",
          "finalize",
          "getDeclaringClass",
          "describeConstable",
          "resolveConstantDesc");

  private static final Map<Class<?>, Access> TYPES =
      Map.ofEntries(
          Map.entry(PositionFact.class, Access.ALL),
          Map.entry(CollateralFact.class, Access.ALL),
          Map.entry(DebtFact.class, Access.ALL),
          Map.entry(AccountFact.class, Access.ALL),
          Map.entry(MeasureFact.class, Access.ALL),
          Map.entry(Parameters.class, Access.ALL),
          Map.entry(PortfolioRequirement.class, Access.ALL),
          Map.entry(LiquidationPrices.class, Access.ALL),
          Map.entry(LiquidityTier.class, Access.ALL),
          Map.entry(DecisionStatus.class, Access.ALL),
          Map.entry(Flag.class, Access.ALL),
          Map.entry(InstrumentKind.class, Access.ALL),
          Map.entry(MarginMode.class, Access.ALL),
          Map.entry(BigDecimal.class, Access.ALL),
          Map.entry(BigInteger.class, Access.ALL),
          Map.entry(MathContext.class, Access.ALL),
          Map.entry(RoundingMode.class, Access.ALL),
          Map.entry(String.class, Access.ALL),
          Map.entry(Integer.class, Access.ALL),
          Map.entry(Long.class, Access.ALL),
          Map.entry(Double.class, Access.ALL),
          Map.entry(Boolean.class, Access.ALL),
          Map.entry(Character.class, Access.ALL),
          Map.entry(Math.class, Access.ALL),
          Map.entry(Object.class, Access.READ),
          Map.entry(IllegalStateException.class, Access.CONSTRUCT),
          Map.entry(IllegalArgumentException.class, Access.CONSTRUCT),
          Map.entry(ArithmeticException.class, Access.CONSTRUCT),
          Map.entry(List.class, Access.READ),
          Map.entry(Set.class, Access.READ),
          Map.entry(Map.class, Access.READ),
          Map.entry(SortedMap.class, Access.READ),
          Map.entry(Collection.class, Access.READ),
          Map.entry(Optional.class, Access.READ));

  private static final Map<String, Class<?>> BY_NAME = byName();

  private PolicyAllowList() {}

  private static Map<String, Class<?>> byName() {
    Map<String, Class<?>> names = new java.util.HashMap<>();
    TYPES.keySet().forEach(c -> names.put(c.getName(), c));
    return Map.copyOf(names);
  }

  /** The allowed type of this fully qualified name, if it is one. */
  static Optional<Class<?>> type(String qualifiedName) {
    return Optional.ofNullable(BY_NAME.get(qualifiedName));
  }

  /** Whether policy code may name this type (declare, import, construct, call). */
  static boolean allows(Class<?> type) {
    return type.isPrimitive() || TYPES.containsKey(type);
  }

  /** Whether some allowed type lives in this package (for wildcard imports). */
  static boolean allowsPackage(String packageName) {
    return TYPES.keySet().stream().anyMatch(c -> c.getPackageName().equals(packageName));
  }

  /** The allowed types of a package (what a wildcard import brings in). */
  static List<Class<?>> typesIn(String packageName) {
    return TYPES.keySet().stream().filter(c -> c.getPackageName().equals(packageName)).toList();
  }

  /** Whether policy code may call method or read static field {@code member} of {@code type}. */
  static boolean allowsMember(Class<?> type, String member) {
    Access access = TYPES.get(type);
    if (access == null || FORBIDDEN_MEMBERS.contains(member)) {
      return false;
    }
    return switch (access) {
      case ALL -> true;
      case READ -> READ_METHODS.contains(member);
      case CONSTRUCT -> false;
    };
  }

  /** Whether policy code may call {@code new type(...)}. */
  static boolean allowsConstruction(Class<?> type) {
    Access access = TYPES.get(type);
    return access == Access.ALL || access == Access.CONSTRUCT;
  }

  /** Every allowed type's name: what compiled policy code may resolve besides engine plumbing. */
  static Set<String> typeNames() {
    return BY_NAME.keySet();
  }
}
