package io.fulcrum.scenarios.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulcrum.engine.compare.Difference;
import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cells of an impact run as JSON text and back, losslessly: what a cluster member sends for the
 * account range it computed (README, "Cluster"). Decimals travel as their {@link
 * BigDecimal#toString()} text, so the scale survives ({@code 1.20} stays {@code 1.20}, not {@code
 * 1.2}); every value of a {@link Difference} carries a one-letter type tag, because a difference's
 * values are typed only as {@code Object} (decimal, text, boolean, list of flags, JSON tree of a
 * position, table outcome). A value of any other type is refused by name rather than sent as
 * something else.
 */
public final class ImpactCells {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /** Reads JSON trees with decimals as written (no trailing zeros stripped). */
  private static final ObjectReader TREES =
      Json.mapper().reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private ImpactCells() {}

  /** The cells as one compact JSON array, in their order. */
  public static String toJson(List<CellImpact> cells) {
    ArrayNode out = NODES.arrayNode(cells.size());
    for (CellImpact c : cells) {
      out.add(cell(c));
    }
    return out.toString();
  }

  /**
   * The cells {@link #toJson} wrote, equal to the originals (decimals with their scale).
   *
   * @throws IllegalArgumentException when the text is not such an array, naming what is wrong
   */
  public static List<CellImpact> fromJson(String json) {
    JsonNode root;
    try {
      root = TREES.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("impact cells: not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("impact cells: expected a JSON array of cells");
    }
    List<CellImpact> out = new ArrayList<>(root.size());
    for (JsonNode n : root) {
      out.add(cell(n));
    }
    return out;
  }

  private static ObjectNode cell(CellImpact c) {
    ObjectNode n = NODES.objectNode();
    n.put("a", c.account());
    n.put("s", c.state());
    n.put("id", c.accountId());
    n.put("bs", c.baselineStatus() == null ? null : c.baselineStatus().name());
    n.put("cs", c.candidateStatus() == null ? null : c.candidateStatus().name());
    n.put("bi", text(c.baselineInitial()));
    n.put("ci", text(c.candidateInitial()));
    n.put("bm", text(c.baselineMaintenance()));
    n.put("cm", text(c.candidateMaintenance()));
    ArrayNode d = n.putArray("d");
    for (Difference x : c.differences()) {
      ObjectNode e = d.addObject();
      e.put("p", x.path());
      e.put("k", x.kind().name());
      e.set("b", value(x.before()));
      e.set("a", value(x.after()));
      e.put("x", text(x.delta()));
    }
    n.put("f", c.failure());
    n.put("pf", c.policyFault());
    return n;
  }

  private static CellImpact cell(JsonNode n) {
    List<Difference> differences = new ArrayList<>();
    for (JsonNode e : required(n, "d")) {
      differences.add(
          new Difference(
              required(e, "p").asText(),
              Difference.Kind.valueOf(required(e, "k").asText()),
              value(required(e, "b")),
              value(required(e, "a")),
              decimal(required(e, "x"))));
    }
    return new CellImpact(
        required(n, "a").intValue(),
        required(n, "s").intValue(),
        required(n, "id").asText(),
        status(required(n, "bs")),
        status(required(n, "cs")),
        decimal(required(n, "bi")),
        decimal(required(n, "ci")),
        decimal(required(n, "bm")),
        decimal(required(n, "cm")),
        differences,
        required(n, "f").isNull() ? null : n.get("f").asText(),
        required(n, "pf").booleanValue());
  }

  private static JsonNode value(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    ObjectNode n = NODES.objectNode();
    if (v instanceof BigDecimal d) {
      n.put("d", d.toString());
    } else if (v instanceof String s) {
      n.put("s", s);
    } else if (v instanceof Boolean b) {
      n.put("b", b);
    } else if (v instanceof Integer i) {
      n.put("i", i);
    } else if (v instanceof Long l) {
      n.put("l", l);
    } else if (v instanceof Double f) {
      n.put("f", Double.toString(f));
    } else if (v instanceof JsonNode tree) {
      n.put("j", tree.toString());
    } else if (v instanceof Difference.TableOutcome t) {
      ObjectNode o = n.putObject("t");
      ArrayNode rows = o.putArray("rows");
      t.rows().forEach(rows::add);
      o.set("outputs", entries(t.outputs()));
    } else if (v instanceof List<?> list) {
      ArrayNode a = n.putArray("L");
      list.forEach(x -> a.add(value(x)));
    } else if (v instanceof Map<?, ?> map) {
      n.set("M", entries(map));
    } else {
      throw new IllegalArgumentException(
          "impact cells: a difference value of type "
              + v.getClass().getName()
              + " has no lossless JSON form: "
              + v);
    }
    return n;
  }

  private static ArrayNode entries(Map<?, ?> map) {
    ArrayNode a = NODES.arrayNode();
    map.forEach(
        (k, x) -> {
          ArrayNode pair = a.addArray();
          pair.add(String.valueOf(k));
          pair.add(value(x));
        });
    return a;
  }

  private static Object value(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (!n.isObject() || n.size() != 1) {
      throw new IllegalArgumentException("impact cells: a tagged value was expected, not " + n);
    }
    String tag = n.fieldNames().next();
    JsonNode v = n.get(tag);
    return switch (tag) {
      case "d" -> new BigDecimal(v.asText());
      case "s" -> v.asText();
      case "b" -> v.booleanValue();
      case "i" -> v.intValue();
      case "l" -> v.longValue();
      case "f" -> Double.parseDouble(v.asText());
      case "j" -> tree(v.asText());
      case "t" -> {
        List<Integer> rows = new ArrayList<>();
        required(v, "rows").forEach(r -> rows.add(r.intValue()));
        yield new Difference.TableOutcome(rows, entries(required(v, "outputs")));
      }
      case "L" -> {
        List<Object> list = new ArrayList<>(v.size());
        v.forEach(x -> list.add(value(x)));
        yield list;
      }
      case "M" -> entries(v);
      default -> throw new IllegalArgumentException("impact cells: unknown value tag " + tag);
    };
  }

  private static Map<String, Object> entries(JsonNode pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    pairs.forEach(p -> m.put(p.get(0).asText(), value(p.get(1))));
    return m;
  }

  private static JsonNode tree(String text) {
    try {
      return TREES.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("impact cells: a JSON tree value does not parse", e);
    }
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null) {
      throw new IllegalArgumentException("impact cells: field " + field + " missing in " + n);
    }
    return v;
  }

  private static String text(BigDecimal d) {
    return d == null ? null : d.toString();
  }

  private static BigDecimal decimal(JsonNode n) {
    return n.isNull() ? null : new BigDecimal(n.asText());
  }

  private static DecisionStatus status(JsonNode n) {
    return n.isNull() ? null : DecisionStatus.valueOf(n.asText());
  }
}
