package io.fulcrum.admin.application;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The paths at which two JSON trees differ, e.g. {@code positions[0].maintenanceMargin}. */
public final class JsonDifferences {

  /** At most this many differences are reported. */
  public static final int LIMIT = 100;

  /** One differing value; a missing side is null. */
  public record Difference(String path, JsonNode stored, JsonNode replayed) {}

  private JsonDifferences() {}

  public static List<Difference> between(JsonNode stored, JsonNode replayed) {
    List<Difference> out = new ArrayList<>();
    walk("", stored, replayed, out);
    return out;
  }

  private static void walk(String path, JsonNode a, JsonNode b, List<Difference> out) {
    if (out.size() >= LIMIT || (a != null && a.equals(b))) {
      return;
    }
    if (a != null && b != null && a.isObject() && b.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        walk(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
      }
    } else if (a != null && b != null && a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        walk(path + "[" + i + "]", a.get(i), b.get(i), out);
      }
    } else {
      out.add(new Difference(path.isEmpty() ? "(root)" : path, a, b));
    }
  }
}
