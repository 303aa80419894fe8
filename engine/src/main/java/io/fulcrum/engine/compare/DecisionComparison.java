package io.fulcrum.engine.compare;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.engine.compare.Difference.Kind;
import io.fulcrum.engine.compare.Difference.TableOutcome;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What differs between two decisions: the one comparison behind the impact report (baseline against
 * candidate), the service's shadow evaluation (live against candidate) and replay (stored against
 * re-run). Works on {@link MarginDecision}s and on decision JSON documents alike: a decision is
 * compared as its JSON tree ({@link Json}), so both give the same differences.
 *
 * <p>Two decisions differ when any of these differs:
 *
 * <ul>
 *   <li>status, account, currency and as-of time;
 *   <li>every figure: initial and maintenance margin, margin balance and ratio, wallet balance,
 *       unrealised P&amp;L, each metric; per position (matched by instrument, not by place)
 *       quantity, mark price, notional, unrealised P&amp;L, initial and maintenance margin,
 *       liquidation price and each policy parameter. Numbers compare by value ({@code 1.0 = 1},
 *       {@link BigDecimal#compareTo}); with a {@linkplain #withTolerance tolerance}, money figures
 *       (margins, balances, P&amp;L, notional) within it of each other are equal, other numbers
 *       (ratios, prices, rates, parameters) still compare exactly;
 *   <li>the flags raised, as the list of {@code name (rule)} in the decision's order;
 *   <li>only {@linkplain #withExplanation when asked}: the explanation's steps (rules fired, table
 *       rows selected with their outputs, risk-measure results; calculations are left out, their
 *       results are the figures above) and the flags' detail texts. Steps compare as multisets of
 *       signatures, so the order rules fired in does not matter; a table both sides evaluated for
 *       the same subject with other rows or outputs is one difference naming the outputs that
 *       changed. A subject evaluated again at a liquidation price is named without that price (the
 *       price is a figure).
 * </ul>
 *
 * <p>The policy stamp (which version decided) and the decision hash (a digest of everything else)
 * are never compared. A field absent or null on one side only is {@link Kind#ADDED} or {@link
 * Kind#REMOVED}.
 */
public final class DecisionComparison {

  /** Results exactly, without the explanation. */
  public static final DecisionComparison RESULTS = new DecisionComparison(null, false);

  /** Never compared: which version decided, and the digest of the rest. */
  private static final Set<String> IGNORED = Set.of("policy", "decisionHash");

  /** Decision fields in the order a decision writes them. */
  private static final List<String> FIELD_ORDER =
      List.of(MarginDecision.class.getAnnotation(JsonPropertyOrder.class).value());

  /** Money figures, which a tolerance applies to (account and position fields alike). */
  private static final Set<String> MONEY =
      Set.of(
          "initialMargin",
          "maintenanceMargin",
          "marginBalance",
          "walletBalance",
          "unrealisedPnl",
          "notional");

  private final BigDecimal tolerance;
  private final boolean explanation;

  private DecisionComparison(BigDecimal tolerance, boolean explanation) {
    this.tolerance = tolerance;
    this.explanation = explanation;
  }

  /**
   * This comparison treating money figures within {@code tolerance} of each other as equal.
   *
   * @throws IllegalArgumentException when the tolerance is negative
   */
  public DecisionComparison withTolerance(BigDecimal tolerance) {
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.signum() < 0) {
      throw new IllegalArgumentException("tolerance must not be negative but was " + tolerance);
    }
    return new DecisionComparison(tolerance, explanation);
  }

  /** This comparison also comparing the explanations' steps and the flags' details. */
  public DecisionComparison withExplanation() {
    return new DecisionComparison(tolerance, true);
  }

  /** Every difference, in the decision's field order (positions, then explanation, last). */
  public List<Difference> between(MarginDecision a, MarginDecision b) {
    return between(tree(a), tree(b));
  }

  /**
   * The same for two decision JSON documents (as {@link Json#canonical} writes them).
   *
   * @throws IllegalArgumentException when either is not a JSON object
   */
  public List<Difference> between(JsonNode a, JsonNode b) {
    if (a == null || !a.isObject() || b == null || !b.isObject()) {
      throw new IllegalArgumentException("decisions to compare must be JSON objects");
    }
    List<Difference> out = new ArrayList<>();
    Set<String> fields = new LinkedHashSet<>(FIELD_ORDER);
    a.fieldNames().forEachRemaining(fields::add);
    b.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      if (IGNORED.contains(field)) {
        continue;
      }
      switch (field) {
        case "flags" -> flags(a.path(field), b.path(field), out);
        case "positions" -> positions(a.path(field), b.path(field), out);
        case "explanation" -> {
          if (explanation) {
            ExplanationSteps.compare(a.path(field), b.path(field), out);
          }
        }
        default -> value(field, field, a.get(field), b.get(field), out);
      }
    }
    return List.copyOf(out);
  }

  /** True when {@link #between} finds anything. */
  public boolean differs(MarginDecision a, MarginDecision b) {
    return !between(a, b).isEmpty();
  }

  /** The explanation differences only (as {@link #withExplanation} finds them). */
  public static List<Difference> explanations(MarginDecision a, MarginDecision b) {
    List<Difference> out = new ArrayList<>();
    ExplanationSteps.compare(tree(a).path("explanation"), tree(b).path("explanation"), out);
    return List.copyOf(out);
  }

  private static JsonNode tree(MarginDecision d) {
    return Json.mapper().valueToTree(Objects.requireNonNull(d, "decision"));
  }

  private void flags(JsonNode a, JsonNode b, List<Difference> out) {
    List<String> x = flagNames(a);
    List<String> y = flagNames(b);
    if (!x.equals(y)) {
      Kind kind = x.isEmpty() ? Kind.ADDED : y.isEmpty() ? Kind.REMOVED : Kind.CHANGED;
      out.add(new Difference("flags", kind, x, y, null));
    } else if (explanation) {
      for (int i = 0; i < x.size(); i++) {
        value(
            "flags[" + x.get(i) + "].detail",
            "detail",
            a.get(i).get("detail"),
            b.get(i).get("detail"),
            out);
      }
    }
  }

  private static List<String> flagNames(JsonNode flags) {
    List<String> names = new ArrayList<>();
    for (JsonNode f : flags) {
      names.add(f.path("name").asText() + " (" + f.path("raisedBy").asText() + ")");
    }
    return names;
  }

  private void positions(JsonNode a, JsonNode b, List<Difference> out) {
    Map<String, JsonNode> x = byInstrument(a);
    Map<String, JsonNode> y = byInstrument(b);
    Set<String> keys = new LinkedHashSet<>(x.keySet());
    keys.addAll(y.keySet());
    for (String key : keys) {
      String path = "positions[" + key + "]";
      JsonNode p = x.get(key);
      JsonNode q = y.get(key);
      if (p == null || q == null) {
        out.add(new Difference(path, p == null ? Kind.ADDED : Kind.REMOVED, p, q, null));
        continue;
      }
      if (p.equals(q)) {
        continue;
      }
      Set<String> fields = new LinkedHashSet<>();
      p.fieldNames().forEachRemaining(fields::add);
      q.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        if (!field.equals("instrument")) {
          value(path + "." + field, field, p.get(field), q.get(field), out);
        }
      }
    }
  }

  /** Positions by instrument; a second one on the same instrument is {@code BTCUSDT#2}. */
  private static Map<String, JsonNode> byInstrument(JsonNode positions) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    int i = 0;
    for (JsonNode p : positions) {
      String instrument = p.hasNonNull("instrument") ? p.get("instrument").asText() : "#" + (i + 1);
      int n = seen.merge(instrument, 1, Integer::sum);
      out.put(n == 1 ? instrument : instrument + "#" + n, p);
      i++;
    }
    return out;
  }

  /** Compares one value; objects (metrics, parameters) entry by entry, sorted by key. */
  private void value(String path, String field, JsonNode a, JsonNode b, List<Difference> out) {
    boolean hasA = a != null && !a.isNull() && !a.isMissingNode();
    boolean hasB = b != null && !b.isNull() && !b.isMissingNode();
    if (!hasA && !hasB) {
      return;
    }
    if (!hasA || !hasB) {
      out.add(
          new Difference(
              path,
              hasA ? Kind.REMOVED : Kind.ADDED,
              hasA ? plain(a) : null,
              hasB ? plain(b) : null,
              null));
      return;
    }
    if (a.equals(b)) {
      return; // the same JSON is the same value; only differing texts need reading as numbers
    }
    if (a.isObject() && b.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        value(path + "." + key, key, a.get(key), b.get(key), out);
      }
      return;
    }
    if (a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        value(path + "[" + i + "]", field, a.get(i), b.get(i), out);
      }
      return;
    }
    Object x = plain(a);
    Object y = plain(b);
    if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
      BigDecimal delta = q.subtract(p);
      boolean equal =
          tolerance != null && MONEY.contains(field)
              ? delta.abs().compareTo(tolerance) <= 0
              : delta.signum() == 0;
      if (!equal) {
        out.add(new Difference(path, Kind.CHANGED, p, q, delta));
      }
    } else if (!Objects.equals(x, y)) {
      out.add(new Difference(path, Kind.CHANGED, x, y, null));
    }
  }

  /**
   * A JSON value as Java: numbers (decisions write decimals as strings) as {@link BigDecimal},
   * other text as {@link String}, booleans as {@link Boolean}, objects and arrays as the tree.
   */
  static Object plain(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isNumber()) {
      return v.decimalValue();
    }
    if (v.isTextual()) {
      BigDecimal d = number(v.asText());
      return d != null ? d : v.asText();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    return v;
  }

  /**
   * The number a text writes in plain or scientific notation, or null. Texts with other characters
   * (dates, names) are refused before parsing: a failed parse costs an exception.
   */
  private static BigDecimal number(String text) {
    if (text.isEmpty() || text.length() > 200) {
      return null;
    }
    boolean digit = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') {
        return null;
      }
    }
    if (!digit) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Numbers by value, everything else by equals. */
  static boolean sameValue(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }

  /** The explanation's steps as signatures, compared as multisets. */
  static final class ExplanationSteps {

    private ExplanationSteps() {}

    /** A step's signature; for table hits also a key (subject and table) and the outcome. */
    private record Step(String signature, String key, TableOutcome table) {}

    static void compare(JsonNode a, JsonNode b, List<Difference> out) {
      List<Step> onlyA = minus(steps(a), steps(b));
      List<Step> onlyB = minus(steps(b), steps(a));
      for (Iterator<Step> it = onlyA.iterator(); it.hasNext(); ) {
        Step x = it.next();
        if (x.table() == null) {
          continue;
        }
        for (Iterator<Step> jt = onlyB.iterator(); jt.hasNext(); ) {
          Step y = jt.next();
          if (y.table() != null && y.key().equals(x.key())) {
            out.add(
                new Difference(
                    EXPLANATION_PREFIX + x.key() + "]", Kind.CHANGED, x.table(), y.table(), null));
            it.remove();
            jt.remove();
            break;
          }
        }
      }
      onlyA.forEach(
          s ->
              out.add(
                  new Difference(Difference.EXPLANATION, Kind.REMOVED, s.signature(), null, null)));
      onlyB.forEach(
          s ->
              out.add(
                  new Difference(Difference.EXPLANATION, Kind.ADDED, null, s.signature(), null)));
    }

    private static final String EXPLANATION_PREFIX = Difference.EXPLANATION + "[";

    private static List<Step> steps(JsonNode explanation) {
      List<Step> out = new ArrayList<>();
      for (JsonNode step : explanation.path("steps")) {
        String subject = subject(step.path("subject").asText());
        switch (step.path("kind").asText()) {
          case "RULE" ->
              out.add(
                  new Step(subject + ": rule '" + step.path("rule").asText() + "'", null, null));
          case "DMN_TABLE" -> {
            String key = subject + ": table '" + step.path("table").asText() + "'";
            TableOutcome t = outcome(step);
            out.add(new Step(key + " " + signature(t), key, t));
          }
          case "MEASURE" -> {
            JsonNode value = step.get("value");
            out.add(
                new Step(
                    subject
                        + ": measure "
                        + step.path("as").asText()
                        + " ("
                        + step.path("measure").asText()
                        + ") = "
                        + (value == null || value.isNull() ? "none" : value.asText()),
                    null,
                    null));
          }
          default -> {
            // Calculations and DMN decision results: their results are the decision's figures.
          }
        }
      }
      return out;
    }

    private static TableOutcome outcome(JsonNode step) {
      List<Integer> rows = new ArrayList<>();
      step.path("selectedRows").forEach(r -> rows.add(r.asInt()));
      Map<String, Object> outputs = new TreeMap<>();
      JsonNode output = step.get("output");
      if (output != null && output.isObject()) {
        output.fields().forEachRemaining(e -> outputs.put(e.getKey(), cellValue(e.getValue())));
      } else if (output != null && !output.isNull()) {
        outputs.put(step.path("table").asText(), cellValue(output));
      }
      return new TableOutcome(rows, outputs);
    }

    private static Object cellValue(JsonNode v) {
      Object plain = plain(v);
      return plain instanceof JsonNode n ? n.toString() : plain;
    }

    /** Selected rows with their outputs by column name, e.g. {@code row 3 -> bracket 3, ...}. */
    private static String signature(TableOutcome t) {
      if (t.rows().isEmpty()) {
        return "no row";
      }
      List<String> outputs = new ArrayList<>();
      t.outputs().forEach((k, v) -> outputs.add(k + " " + Difference.cell(v)));
      return t.rowText() + " -> " + String.join(", ", outputs);
    }

    /** Subjects evaluated again at a liquidation price name that price; it is a figure. */
    private static String subject(String subject) {
      return subject.replaceAll(" at liquidation price [-0-9.E]+", " at liquidation price");
    }

    private static List<Step> minus(List<Step> from, List<Step> remove) {
      Map<String, Integer> counts = new HashMap<>();
      remove.forEach(s -> counts.merge(s.signature(), 1, Integer::sum));
      List<Step> out = new ArrayList<>();
      for (Step s : from) {
        Integer n = counts.get(s.signature());
        if (n == null || n == 0) {
          out.add(s);
        } else {
          counts.put(s.signature(), n - 1);
        }
      }
      return out;
    }
  }
}
