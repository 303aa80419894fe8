package io.fulcrum.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.Flag;
import io.fulcrum.engine.domain.InstrumentKind;
import io.fulcrum.engine.domain.MarginMode;
import io.fulcrum.engine.policy.PolicyAllowList;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/authoring/fact-api.md lists exactly the members policy code can call on each fact type: a
 * public member added, renamed or removed without the page changing fails here, and so does a page
 * entry for a member that does not exist. Every engine type on the sandbox's allow-list has a
 * section.
 */
class FactApiPageTest {

  static final Path PAGE = Path.of("../docs/authoring/fact-api.md");

  /** The types the page documents, by the name its headings use. */
  static final List<Class<?>> TYPES =
      List.of(
          AccountFact.class,
          PositionFact.class,
          CollateralFact.class,
          DebtFact.class,
          MeasureFact.class,
          Parameters.class,
          PortfolioRequirement.class,
          LiquidationPrices.class,
          io.fulcrum.engine.liquidation.LiquidityTier.class,
          Flag.class,
          DecisionStatus.class,
          InstrumentKind.class,
          MarginMode.class);

  private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
  private static final Set<String> NOT_API = Set.of("toString", "equals", "hashCode");

  @Test
  void thePageListsExactlyThePublicMembersOfEveryFactType() throws Exception {
    Map<String, Set<String>> documented = documented();
    Map<String, Set<String>> actual = new TreeMap<>();
    for (Class<?> type : TYPES) {
      actual.put(type.getSimpleName(), members(type));
    }
    List<String> problems = new ArrayList<>();
    actual.forEach(
        (type, members) -> {
          Set<String> listed = documented.getOrDefault(type, Set.of());
          members.stream()
              .filter(m -> !listed.contains(m))
              .forEach(m -> problems.add(PAGE + " misses " + type + "." + m));
          listed.stream()
              .filter(m -> !members.contains(m))
              .forEach(
                  m -> problems.add(PAGE + " lists " + type + "." + m + ", which does not exist"));
        });
    documented.keySet().stream()
        .filter(t -> !actual.containsKey(t))
        .forEach(t -> problems.add(PAGE + " documents unknown type " + t));
    assertThat(problems).isEmpty();
    assertThat(documented.keySet()).isEqualTo(actual.keySet());
  }

  @Test
  void everyEngineTypeOnThePolicyAllowList_hasASection() throws Exception {
    Method names = PolicyAllowList.class.getDeclaredMethod("typeNames");
    names.setAccessible(true);
    @SuppressWarnings("unchecked")
    Set<String> allowed = (Set<String>) names.invoke(null);
    Set<String> engineTypes = new TreeSet<>();
    allowed.stream()
        .filter(n -> n.startsWith("io.fulcrum."))
        .forEach(n -> engineTypes.add(n.substring(n.lastIndexOf('.') + 1)));
    assertThat(documented().keySet()).containsAll(engineTypes);
  }

  /** The members a rule can call, spelt as the page spells them (getX / isX as the property x). */
  static Set<String> members(Class<?> type) {
    Set<String> out = new TreeSet<>();
    if (type.isEnum()) {
      for (Object constant : type.getEnumConstants()) {
        out.add(((Enum<?>) constant).name());
      }
      return out;
    }
    for (Method m : type.getMethods()) {
      if (m.getDeclaringClass() == Object.class
          || Modifier.isStatic(m.getModifiers())
          || NOT_API.contains(m.getName())) {
        continue;
      }
      out.add(property(m));
    }
    return out;
  }

  private static String property(Method m) {
    String n = m.getName();
    if (m.getParameterCount() == 0) {
      if (n.startsWith("get") && n.length() > 3) {
        return Character.toLowerCase(n.charAt(3)) + n.substring(4);
      }
      if (n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class) {
        return Character.toLowerCase(n.charAt(2)) + n.substring(3);
      }
    }
    return n;
  }

  /** Per type named in a heading, the members named in the first cell of its table rows. */
  static Map<String, Set<String>> documented() throws Exception {
    Set<String> known = new TreeSet<>();
    TYPES.forEach(t -> known.add(t.getSimpleName()));
    Map<String, Set<String>> out = new TreeMap<>();
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(PAGE, StandardCharsets.UTF_8)) {
      if (line.startsWith("#")) {
        current = new ArrayList<>();
        Matcher m = TICKED.matcher(line);
        while (m.find()) {
          if (known.contains(m.group(1))) {
            current.add(m.group(1));
          }
        }
        continue;
      }
      if (current.isEmpty() || !line.startsWith("| `")) {
        continue;
      }
      String firstCell = line.substring(1, line.indexOf('|', 1));
      Matcher m = TICKED.matcher(firstCell);
      while (m.find()) {
        String name = m.group(1);
        int paren = name.indexOf('(');
        name = paren < 0 ? name : name.substring(0, paren);
        // A row of a section for several types (the enums) belongs to the type declaring it; one
        // no type declares is kept under the first, so it shows up as a difference.
        String owner = current.get(0);
        for (String type : current) {
          if (declares(type, name)) {
            owner = type;
          }
        }
        out.computeIfAbsent(owner, k -> new TreeSet<>()).add(name);
      }
    }
    return out;
  }

  private static boolean declares(String type, String member) {
    return TYPES.stream()
        .filter(t -> t.getSimpleName().equals(type))
        .anyMatch(t -> members(t).contains(member));
  }
}
